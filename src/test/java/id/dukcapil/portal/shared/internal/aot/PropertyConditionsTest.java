package id.dukcapil.portal.shared.internal.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * The values the property conditions of the condition report compare each name with (decision 162): on the classes, on
 * the bean methods, and on the members of a nested condition.
 */
class PropertyConditionsTest {

    @Test
    void reads_the_values_each_name_is_compared_with_from_the_reports_classes_methods_and_nested_conditions() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        ConditionEvaluationReport report = ConditionEvaluationReport.get(beanFactory);
        report.recordConditionEvaluation(Signing.class.getName(), (context, metadata) -> true,
                ConditionOutcome.match());
        report.recordConditionEvaluation(Signing.class.getName() + "#bsre", (context, metadata) -> true,
                ConditionOutcome.match());
        report.recordConditionEvaluation(Mail.class.getName(), (context, metadata) -> true, ConditionOutcome.match());

        assertThat(PropertyConditions.comparedValues(beanFactory))
                .containsEntry("portal.signing.provider", Set.of("bsre", "local"))
                .containsEntry("portal.signing.audit", Set.of("false"))
                .containsEntry("portal.mail.host", Set.of(""))
                .containsEntry("portal.mail.jndi-name", Set.of(""))
                .hasSize(4);
    }

    @Test
    void refuses_a_report_whose_source_it_cannot_find() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        ConditionEvaluationReport.get(beanFactory).recordConditionEvaluation(Signing.class.getName() + "#gone",
                (context, metadata) -> true, ConditionOutcome.match());
        assertThatThrownBy(() -> PropertyConditions.comparedValues(beanFactory))
                .hasMessageContaining("#gone");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "portal.signing", name = "provider", havingValue = "local", matchIfMissing = true)
    static class Signing {

        @Bean
        @ConditionalOnProperty(name = "portal.signing.provider", havingValue = "bsre")
        @ConditionalOnBooleanProperty(name = "portal.signing.audit", havingValue = false)
        Object bsre() {
            return new Object();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(MailCondition.class)
    static class Mail {
    }

    static class MailCondition extends AnyNestedCondition {

        MailCondition() {
            super(ConfigurationCondition.ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnProperty(prefix = "portal.mail", name = "host")
        static class HostProperty {
        }

        @ConditionalOnProperty(prefix = "portal.mail", name = "jndi-name")
        static class JndiNameProperty {
        }
    }
}
