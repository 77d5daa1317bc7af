package id.dukcapil.portal.shared.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

/**
 * Look-ups by generic type answered from memory once the configuration is frozen, and the same answers as Spring's own
 * bean factory gives (decision 169).
 */
class FrozenTypeLookupsTest {

    private static final ResolvableType STRING_CONSUMER = ResolvableType.forClassWithGenerics(Consumer.class,
            String.class);
    private static final ResolvableType NUMBER_CONSUMER = ResolvableType.forClassWithGenerics(Consumer.class,
            Integer.class);

    @Test
    void answers_as_springs_own_factory_does() {
        FrozenTypeLookups frozen = withBeans(new FrozenTypeLookups());
        DefaultListableBeanFactory spring = withBeans(new DefaultListableBeanFactory());
        frozen.freezeConfiguration();
        spring.freezeConfiguration();
        frozen.preInstantiateSingletons();
        spring.preInstantiateSingletons();

        for (ResolvableType type : new ResolvableType[] {STRING_CONSUMER, NUMBER_CONSUMER,
                ResolvableType.forClassWithGenerics(Supplier.class, String.class)}) {
            for (boolean nonSingletons : new boolean[] {true, false}) {
                assertThat(frozen.getBeanNamesForType(type, nonSingletons, true))
                        .as(type + ", non-singletons " + nonSingletons)
                        .containsExactly(spring.getBeanNamesForType(type, nonSingletons, true));
            }
        }
        assertThat(frozen.getBeanNamesForType(STRING_CONSUMER, true, true)).containsExactly("strings", "morePrints");
        assertThat(frozen.getBeanNamesForType(STRING_CONSUMER, false, true)).containsExactly("strings");
    }

    @Test
    void remembers_an_answer_only_once_the_configuration_is_frozen() {
        FrozenTypeLookups factory = withBeans(new FrozenTypeLookups());
        assertThat(factory.getBeanNamesForType(STRING_CONSUMER, true, true))
                .isNotSameAs(factory.getBeanNamesForType(STRING_CONSUMER, true, true));

        factory.freezeConfiguration();
        String[] first = factory.getBeanNamesForType(STRING_CONSUMER, true, true);
        assertThat(factory.getBeanNamesForType(STRING_CONSUMER, true, true)).isSameAs(first);
        assertThat(factory.getBeanNamesForType(STRING_CONSUMER, true, false)).as("without eager initialisation")
                .isNotSameAs(factory.getBeanNamesForType(STRING_CONSUMER, true, false));
        assertThat(factory.getBeanNamesForType(ResolvableType.forClass(Consumer.class), true, true))
                .as("a plain class, which Spring remembers itself").contains("strings", "numbers", "morePrints");
    }

    @Test
    void forgets_its_answers_when_beans_come_or_go() {
        FrozenTypeLookups factory = withBeans(new FrozenTypeLookups());
        factory.freezeConfiguration();
        assertThat(factory.getBeanNamesForType(STRING_CONSUMER, true, true)).containsExactly("strings", "morePrints");

        factory.registerSingleton("registered", new StringPrinter());
        assertThat(factory.getBeanNamesForType(STRING_CONSUMER, true, true)).contains("registered");
        factory.registerBeanDefinition("defined", stringConsumer());
        assertThat(factory.getBeanNamesForType(STRING_CONSUMER, true, true)).contains("defined");
        factory.removeBeanDefinition("defined");
        assertThat(factory.getBeanNamesForType(STRING_CONSUMER, true, true)).doesNotContain("defined");
        factory.destroySingleton("strings");
        factory.removeBeanDefinition("strings");
        assertThat(factory.getBeanNamesForType(STRING_CONSUMER, true, true)).containsExactly("morePrints", "registered");
    }

    private static <F extends DefaultListableBeanFactory> F withBeans(F factory) {
        factory.registerBeanDefinition("strings", stringConsumer());
        RootBeanDefinition numbers = new RootBeanDefinition(NumberPrinter.class);
        factory.registerBeanDefinition("numbers", numbers);
        RootBeanDefinition prototype = stringConsumer();
        prototype.setScope(RootBeanDefinition.SCOPE_PROTOTYPE);
        factory.registerBeanDefinition("morePrints", prototype);
        return factory;
    }

    private static RootBeanDefinition stringConsumer() {
        return new RootBeanDefinition(StringPrinter.class);
    }

    static final class StringPrinter implements Consumer<String> {
        @Override
        public void accept(String value) {
        }
    }

    static final class NumberPrinter implements Consumer<Integer> {
        @Override
        public void accept(Integer value) {
        }
    }
}
