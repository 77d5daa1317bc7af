package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.demo.DemoMailboxTransport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
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

    /**
     * The lock's times come from the database's clock, so nodes whose clocks differ still agree. Each node names
     * itself apart (ShedLock's default is the host name): a lock is released only by the run that holds it, also
     * when two nodes share a host, and a node whose lock ran out cannot end the lock another node took since.
     */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return lockProvider(dataSource, thisNode());
    }

    static LockProvider lockProvider(DataSource dataSource, String node) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(node)
                .build());
    }

    /** Host, process and a random part: unique among the nodes, and among runs of one node. */
    static String thisNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + " pid " + ProcessHandle.current().pid() + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
