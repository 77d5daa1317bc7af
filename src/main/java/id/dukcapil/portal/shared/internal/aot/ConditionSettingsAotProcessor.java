package id.dukcapil.portal.shared.internal.aot;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * At the end of the build's AOT processing, when the bean definitions are made: writes into the generated resources
 * what they were made with ({@link ConditionSettings}), for {@link AotStartGuard} to compare a start with. Refuses a
 * processing that cannot be checked at run time: one with active profiles (Spring Boot's generated code would then
 * set them at every start, before any guard could see the office's), or one whose look-ups were not all recorded.
 */
class ConditionSettingsAotProcessor implements BeanFactoryInitializationAotProcessor {

    private static final Log log = LogFactory.getLog(ConditionSettingsAotProcessor.class);

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        ConfigurableEnvironment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
                ConfigurableEnvironment.class);
        SettingsRecorder recorder = SettingsRecorder.in(environment);
        if (recorder == null) {
            throw new IllegalStateException("AOT processing without the settings recorder of " + AotStartGuard.class
                    .getName() + " (META-INF/spring.factories): its bean definitions could not be checked at a start");
        }
        Map<String, Set<String>> read = new TreeMap<>(recorder.stop());
        // Bound to SpringApplication before the refresh: the web application type decides the context's class, and
        // bean definition overriding what the definitions are. Any spring.main.* set makes its hash differ.
        read.putIfAbsent("spring.main", Set.of(SettingsRecorder.NOT_A_CONDITION));
        if (log.isDebugEnabled()) {
            read.forEach((name, readers) -> log.debug("Looked up: " + name + " by " + readers));
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source == recorder) {
                break;
            }
            if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                throw new IllegalStateException("The property source '" + source.getName() + "' was put before the "
                        + "AOT settings recorder: look-ups it answered were not recorded");
            }
        }
        environment.getPropertySources().remove(SettingsRecorder.NAME);
        if (environment.getActiveProfiles().length > 0) {
            throw new IllegalStateException("The AOT processing runs with no active profile, as an office starts "
                    + "(decision 162); it had " + String.join(", ", environment.getActiveProfiles()));
        }
        ConditionSettings settings = ConditionSettings.of(environment, beanFactory.getBeanClassLoader(), read,
                PropertyConditions.comparedValues(beanFactory));
        long tested = settings.settings().stream().filter(setting -> setting.kind() != SettingFingerprint.VALUE)
                .count();
        Map<String, String> facts = new TreeMap<>(settings.facts());
        facts.put("libraries", ClassPathJars.of(beanFactory.getBeanClassLoader(), ConditionSettings.RESOURCE).size()
                + " jars");
        log.info("The AOT-processed bean definitions were made with " + facts + " and " + settings.settings().size()
                + " settings looked up (" + tested + " of them kept as their tests only)");
        String file = settings.write();
        return (generationContext, code) -> generationContext.getGeneratedFiles()
                .addResourceFile(ConditionSettings.RESOURCE, file);
    }
}
