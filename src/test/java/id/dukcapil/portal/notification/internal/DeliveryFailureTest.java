package id.dukcapil.portal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.notification.internal.DeliveryFailure.Verdict;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

/** What a failed hand-over means: try again, give up, or do not know. */
class DeliveryFailureTest {

    @Test
    void a_temporary_refusal_is_retried_and_a_permanent_one_fails() throws Exception {
        InternetAddress to = new InternetAddress("a@example.id");
        assertThat(DeliveryFailure.classify(new SMTPAddressFailedException(to, "RCPT TO", 451, "451 try later")))
                .isEqualTo(Verdict.RETRY);
        assertThat(DeliveryFailure.classify(new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 550, "550 no such user")))).isEqualTo(Verdict.FAILED);
        assertThat(DeliveryFailure.classify(new SMTPSendFailedException("DATA", 552, "552 too big", null, null, null,
                null))).isEqualTo(Verdict.FAILED);
    }

    @Test
    void a_connection_lost_while_the_message_was_on_its_way_is_uncertain() {
        assertThat(DeliveryFailure.classify(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out")))).isEqualTo(Verdict.UNCERTAIN);
    }

    @Test
    void no_connection_a_reset_or_a_time_out_mean_the_server_is_away_and_an_smtp_answer_that_it_is_there()
            throws Exception {
        assertThat(DeliveryFailure.unreachable(new MailConnectException(new SocketConnectException(
                "Using socket factory", new ConnectException("Connection refused"), "127.0.0.1", 25, 1000))))
                .as("refused").isTrue();
        assertThat(DeliveryFailure.unreachable(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out")))).as("timed out").isTrue();
        assertThat(DeliveryFailure.unreachable(new MessagingException("Can't send command",
                new SocketException("Connection reset")))).as("reset").isTrue();
        InternetAddress to = new InternetAddress("a@example.id");
        assertThat(DeliveryFailure.unreachable(new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 550, "550 no such user")))).as("a bad address").isFalse();
        assertThat(DeliveryFailure.unreachable(new SMTPSendFailedException("DATA", 451, "451 try later", null, null,
                null, null))).as("a 4xx").isFalse();
        assertThat(DeliveryFailure.unreachable(new AuthenticationFailedException("535 bad credentials")))
                .as("refused credentials: the server answered").isFalse();
    }

    @Test
    void attempts_wait_longer_and_longer() {
        assertThat(Map.of(1, DeliveryFailure.backoffAfter(1), 2, DeliveryFailure.backoffAfter(2),
                3, DeliveryFailure.backoffAfter(3), 5, DeliveryFailure.backoffAfter(5), 7, DeliveryFailure.backoffAfter(7)))
                .containsEntry(1, Duration.ofSeconds(10)).containsEntry(2, Duration.ofSeconds(30))
                .containsEntry(3, Duration.ofMinutes(2)).containsEntry(5, Duration.ofHours(1))
                .containsEntry(7, Duration.ofHours(1));
    }

    @Test
    void a_template_placeholder_without_a_value_is_refused() {
        assertThat(MailTemplates.fill("Kode {code} untuk {name}", Map.of("code", 12, "name", "Siti")))
                .isEqualTo("Kode 12 untuk Siti");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MailTemplates.fill("Kode {code}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{code}");
    }
}
