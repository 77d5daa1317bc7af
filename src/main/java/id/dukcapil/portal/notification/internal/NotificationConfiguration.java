package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.demo.DemoMailboxTransport;
import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * Chooses the transport (SMTP when {@code MAIL_HOST} is set; the demo mailbox in the demo profile without it)
 * and sets up ShedLock, so only one node runs a scheduled job such as the outbox sender.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class NotificationConfiguration {

    @Bean
    MailTransport mailTransport(Environment environment, ObjectProvider<JavaMailSenderImpl> smtp, JdbcClient jdbc,
                                Clock clock) {
        boolean mailServerConfigured = StringUtils.hasText(environment.getProperty("spring.mail.host"));
        if (!mailServerConfigured && environment.matchesProfiles("demo")) {
            return new DemoMailboxTransport(jdbc, clock);
        }
        // Without MAIL_HOST outside the demo profile every attempt fails "no mail server configured": messages
        // wait in the outbox, visible to ADMIN, until one is configured.
        return new SmtpMailTransport(smtp.getIfAvailable(JavaMailSenderImpl::new));
    }

    /** The lock's times come from the database's clock, so nodes whose clocks differ still agree. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
