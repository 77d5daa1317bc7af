package id.dukcapil.portal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/** Which way e-mail goes: MAIL_HOST wins; the demo profile without it uses the demo mailbox; otherwise it waits. */
class TransportChoiceTest {

    private final JdbcClient unusedJdbc = JdbcClient.create(new DriverManagerDataSource());

    @Test
    void the_demo_profile_without_a_mail_server_delivers_into_the_demo_mailbox() {
        assertThat(choose(new MockEnvironment().withProperty("spring.mail.host", ""), "demo").demoMailbox()).isTrue();
    }

    @Test
    void a_configured_mail_server_wins_even_in_the_demo_profile() {
        MailTransport transport = choose(new MockEnvironment().withProperty("spring.mail.host", "mail.example.id"), "demo");
        assertThat(transport.demoMailbox()).isFalse();
        assertThat(transport.describe()).isEqualTo("smtp://mail.example.id:587");
    }

    @Test
    void without_a_mail_server_outside_the_demo_profile_every_attempt_fails_and_messages_wait() {
        MailTransport transport = choose(new MockEnvironment());
        assertThat(transport.demoMailbox()).isFalse();
        assertThatThrownBy(transport::connect).isInstanceOf(MessagingException.class)
                .hasMessageContaining("MAIL_HOST");
    }

    private MailTransport choose(MockEnvironment environment, String... profiles) {
        environment.setActiveProfiles(profiles);
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost(environment.getProperty("spring.mail.host"));
        smtp.setPort(587);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", smtp);
        return new NotificationConfiguration().mailTransport(environment, beans.getBeanProvider(JavaMailSenderImpl.class),
                unusedJdbc, Clock.systemUTC());
    }
}
