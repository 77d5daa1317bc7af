package id.dukcapil.portal.shared.internal.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The recorder the build's AOT processing puts first in the environment (decision 162): every look-up reaches it, by
 * the environment, a binder or a placeholder, and it answers none differently.
 */
class SettingsRecorderTest {

    @Test
    void notes_each_name_looked_up_and_the_condition_that_looked_it_up() {
        ConfigurableEnvironment environment = environment();
        SettingsRecorder recorder = SettingsRecorder.install(environment);

        environment.getProperty("portal.flag");
        new FlagCondition(environment).matches(null, null);
        environment.containsProperty("portal.absent");
        environment.getProperty("portal.mail-host");
        Binder.get(environment).bind("portal.limits", Bindable.mapOf(String.class, Integer.class));
        Binder.get(environment).bind("portal.hosts", Bindable.listOf(String.class));
        environment.resolvePlaceholders("${portal.in-an-expression:on}");

        Map<String, Set<String>> read = recorder.stop();
        assertThat(read).containsEntry("portal.flag", Set.of(SettingsRecorder.NOT_A_CONDITION))
                .containsEntry("portal.condition-flag", Set.of(FlagCondition.class.getName()))
                .containsEntry("portal.absent", Set.of(SettingsRecorder.NOT_A_CONDITION))
                .containsKeys("portal.limits", "portal.hosts", "portal.hosts[0]", "portal.in-an-expression")
                // The placeholder in portal.mail-host's value: the value is what counts, recorded under its name.
                .containsKey("portal.mail-host").doesNotContainKey("MAIL_HOST");
        environment.getProperty("portal.after");
        assertThat(recorder.stop()).doesNotContainKey("portal.after");
    }

    @Test
    void answers_nothing_differently() {
        ConfigurableEnvironment plain = environment();
        ConfigurableEnvironment recorded = environment();
        SettingsRecorder.install(recorded);
        for (ConfigurableEnvironment environment : new ConfigurableEnvironment[] {plain, recorded}) {
            assertThat(environment.getProperty("portal.mail-host")).isEqualTo("smtp.example");
            assertThat(environment.containsProperty("portal.absent")).isFalse();
            assertThat(Binder.get(environment).bind("portal.limits", Bindable.mapOf(String.class, Integer.class))
                    .get()).containsExactly(Map.entry("booking", 10));
            assertThat(Binder.get(environment).bind("portal.outer", Bindable.of(Outer.class)).isBound()).isFalse();
        }
    }

    @Test
    void leaves_the_binder_where_it_would_go() {
        ConfigurableEnvironment environment = environment();
        SettingsRecorder recorder = SettingsRecorder.install(environment);
        Binder.get(environment).bind("portal.outer", Bindable.of(Outer.class));
        // Every source says nothing is below portal.outer.inner, so the binder does not look inside it; a source that
        // answered "unknown" there would have it look up every property of Inner.
        assertThat(recorder.stop()).containsKeys("portal.outer", "portal.outer.inner")
                .doesNotContainKey("portal.outer.inner.name");
    }

    private static ConfigurableEnvironment environment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", Map.of(
                "portal.flag", "true", "portal.mail-host", "${MAIL_HOST:smtp.example}", "portal.limits.booking", "10")));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    /** A condition's look-up, as a condition class makes it. */
    private record FlagCondition(ConfigurableEnvironment environment) implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Boolean.parseBoolean(environment.getProperty("portal.condition-flag"));
        }
    }

    public static class Outer {

        private Inner inner;

        public Inner getInner() {
            return inner;
        }

        public void setInner(Inner inner) {
            this.inner = inner;
        }
    }

    public static class Inner {

        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
