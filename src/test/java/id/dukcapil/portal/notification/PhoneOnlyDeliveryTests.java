package id.dukcapil.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message by phone only (a resident who gave the desk a mobile number, a notice whose e-mail would repeat one
 * already sent), against the test run's Cloud API and SMPP peers: it goes on its phone channels and never by
 * e-mail, and a secret cannot be queued that way at all (decision 153).
 */
@PortalTest
class PhoneOnlyDeliveryTests {

    private static final Map<String, Object> TURN = Map.of("ticket", "A-012", "ahead", 3, "point", "UKL Soreang");

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestMailServer mailServer;

    private final TestCloudApi cloudApi = new TestCloudApi();
    private final TestSmsc smsc = new TestSmsc();

    @Test
    void a_turn_notice_by_whatsapp_goes_as_its_template_in_the_residents_language() {
        String phone = newPhone();
        MessageRef ref = enqueue(phone, Locale.ENGLISH, Reach.phoneOnly(Channel.WHATSAPP, phone));

        Map<String, Object> row = awaitState(ref, "SENT");
        assertThat(row).containsEntry("channel", "WHATSAPP").containsEntry("recipient", phone);
        TestCloudApi.Received sent = cloudApi.receivedFor(phone.substring(1)).getFirst();
        assertThat(sent.template()).isEqualTo("dukcapil_recording_turn");
        assertThat(sent.language()).isEqualTo("en");
        assertThat(sent.parameters()).containsExactly("A-012", "3", "UKL Soreang");
    }

    @Test
    void refused_by_whatsapp_and_by_the_gateway_a_phone_only_message_fails_without_an_e_mail() {
        String phone = newPhone();
        cloudApi.script(phone.substring(1), new TestCloudApi.Refuse(400, 133010, "Phone number not registered"));
        smsc.script(phone.substring(1), new TestSmsc.Refuse(0x0B)); // ESME_RINVDSTADR
        MessageRef ref = enqueue(phone, Locale.of("id"), Reach.phoneOnly(Channel.WHATSAPP, phone));

        Map<String, Object> row = awaitState(ref, "FAILED");
        assertThat(row.get("channel")).isEqualTo("SMS");
        assertThat(jdbc.queryForList("SELECT CONCAT(channel, ' ', outcome) FROM notification_attempt "
                + "WHERE message_id = ? ORDER BY id", String.class, ref.id()))
                .containsExactly("WHATSAPP FAILED", "SMS FAILED");
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).isEmpty();
    }

    @Test
    void a_message_with_a_secret_is_never_queued_by_phone_only() {
        String phone = newPhone();
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM notification_message", Long.class);
        assertThatThrownBy(() -> transactions.execute(status -> outbox.enqueue(OutgoingMail.of(phone, "otp",
                Locale.of("id"), Map.of("name", "Siti Aminah", "code", "482913", "minutes", 10)),
                Reach.phoneOnly(Channel.SMS, phone))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_message", Long.class)).isEqualTo(before);
        assertThatThrownBy(() -> Reach.phoneOnly(Channel.EMAIL, phone)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Reach.phoneOnly(Channel.WHATSAPP, phone).channels()).isEqualTo(List.of(Channel.WHATSAPP, Channel.SMS));
    }

    private MessageRef enqueue(String phone, Locale locale, Reach reach) {
        return transactions.execute(status -> outbox.enqueue(OutgoingMail.of(phone, "recording-turn", locale, TURN)
                .withKind(MessageKind.TURN), reach));
    }

    private Map<String, Object> awaitState(MessageRef ref, String state) {
        return OutboxRows.awaitRow(jdbc, ref.id(), state, row -> state.equals(row.get("state")));
    }

    private static String newPhone() {
        return "+62856" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }
}
