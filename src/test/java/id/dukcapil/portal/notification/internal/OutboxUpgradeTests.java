package id.dukcapil.portal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.notification.TestMailServer;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * Messages written before secrets were kept apart (decision 076) lose them too: the changeset that moves them out
 * of the body erases them where the message was already sent, and a message still waiting is sent whole.
 */
@PortalTest
class OutboxUpgradeTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired OutboxSender sender;

    @Test
    void an_otp_and_a_pin_sent_before_the_upgrade_are_erased_and_one_still_waiting_is_delivered_whole() {
        long sentOtp = oldMessage("otp", "SENT", "Kode OTP Anda: 271828",
                "Yth. Ani,\n\nKode OTP Anda adalah 271828. Kode ini berlaku 10 menit.");
        long sentPin = oldMessage("kkprint-delivered", "SENT", "Kartu Keluarga Anda siap dicetak (KK1)",
                "PIN: 314159\n\nReferensi: KKPRINT:abcDEF_123-x\n");
        jdbc.update("INSERT INTO notification_attachment (message_id, position, file_name, content_type, content) "
                + "VALUES (?, 0, 'qr.png', 'image/png', ?)", sentPin, new byte[] {1, 2, 3});
        long waitingPin = oldMessage("kkprint-delivered", "PENDING", "Kartu Keluarga Anda siap dicetak (KK2)",
                "PIN: 577215\n\nReferensi: KKPRINT:zyx987\n");

        for (String statement : changesetStatements()) {
            jdbc.update(statement);
        }

        assertThat(row(sentOtp)).doesNotContain("271828").contains("Kode OTP Anda dari Disdukcapil");
        assertThat(row(sentPin)).doesNotContain("314159", "KKPRINT:abcDEF_123-x");
        assertThat(jdbc.queryForObject("SELECT LENGTH(content) FROM notification_attachment WHERE message_id = ?",
                Integer.class, sentPin)).isZero();
        assertThat(row(waitingPin)).doesNotContain("577215", "KKPRINT:zyx987");

        sender.deliverDue();
        String messageId = jdbc.queryForObject("SELECT message_id FROM notification_message WHERE id = ?",
                String.class, waitingPin);
        assertThat(TestMailServer.awaitText(messageId)).contains("PIN: 577215", "Referensi: KKPRINT:zyx987");
        assertThat(row(waitingPin)).doesNotContain("577215", "KKPRINT:zyx987");
        assertThat(jdbc.queryForObject("SELECT secret_values FROM notification_message WHERE id = ?", String.class,
                waitingPin)).isNull();
    }

    private long oldMessage(String template, String state, String subject, String body) {
        jdbc.update("""
                INSERT INTO notification_message (message_id, recipient, template_key, locale, subject, body, state,
                    attempts, created_at, next_attempt_at)
                VALUES (CONCAT('<upgrade-', UUID(), '@dukcapil.test>'), 'lama@example.id', ?, 'id', ?, ?, ?, 0,
                    UTC_TIMESTAMP(3) - INTERVAL 1 DAY, UTC_TIMESTAMP(3) - INTERVAL 1 DAY)""", template, subject, body, state);
        return jdbc.queryForObject("SELECT MAX(id) FROM notification_message", Long.class);
    }

    /** What someone reading the database sees of the message. */
    private String row(long id) {
        return jdbc.queryForObject("SELECT CONCAT_WS('|', subject, body, COALESCE(secret_values, '')) "
                + "FROM notification_message WHERE id = ?", String.class, id);
    }

    @SuppressWarnings("unchecked")
    private static List<String> changesetStatements() {
        try (InputStream in = new ClassPathResource(
                "db/changelog/notification/003-secrets-of-earlier-messages.yaml").getInputStream()) {
            Map<String, Object> log = new Yaml().load(in);
            Map<String, Object> changeSet = (Map<String, Object>) ((List<Map<String, Object>>) log.get("databaseChangeLog"))
                    .getFirst().get("changeSet");
            return ((List<Map<String, Map<String, Object>>>) changeSet.get("changes")).stream()
                    .map(change -> (String) change.get("sql").get("sql")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
