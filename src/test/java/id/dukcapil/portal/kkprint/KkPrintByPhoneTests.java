package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.kkprint.api.ApiClientAuthentication;
import id.dukcapil.portal.notification.TestCloudApi;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.notification.TestSmsc;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SOP B's messages on the channel the requester chose in the IKD app (decision 153), against the test run's Cloud API
 * and SMPP peers: the news by WhatsApp or SMS, the QR code and PIN by e-mail only, and the phone told where they are.
 */
@PortalTest
class KkPrintByPhoneTests {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired KkPrintTestSupport kk;
    @Autowired KkPrintIntake intake;
    @Autowired OperatorInbox operatorInbox;
    @Autowired KkDelivery delivery;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired TestMailServer mailServer;

    private final TestCloudApi cloudApi = new TestCloudApi();
    private final TestSmsc smsc = new TestSmsc();

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_requester_who_chose_whatsapp_is_told_there_that_the_qr_code_and_pin_are_in_the_e_mail_and_reminded_there() {
        String phone = newPhone();
        String tracking = kk.delivered(kk.forwarded(kk.submitted("0" + phone.substring(3), "WHATSAPP")));
        assertThat(jdbc.queryForMap("SELECT requester_phone, notify_channel FROM kkprint_request WHERE tracking_number = ?",
                tracking)).containsEntry("requester_phone", phone).containsEntry("notify_channel", "WHATSAPP");

        Map<String, Object> secret = await().atMost(DELIVERY).until(() -> message("kkprint-delivered", tracking),
                row -> "SENT".equals(row.get("state")));
        assertThat(secret.get("channel")).as("the QR code and PIN by e-mail only").isEqualTo("EMAIL");
        String pin = kk.pinAndReference(tracking)[0];

        Map<String, Object> notice = await().atMost(DELIVERY).until(() -> byPhone("kkprint-ready", phone),
                row -> "SENT".equals(row.get("state")));
        assertThat(notice.get("channel")).isEqualTo("WHATSAPP");
        assertThat(notice.get("fallbacks")).as("SMS, never a second e-mail").isEqualTo("SMS");
        TestCloudApi.Received sent = cloudApi.receivedFor(phone.substring(1)).getFirst();
        assertThat(sent.template()).isEqualTo("dukcapil_kk_ready");
        assertThat(sent.language()).isEqualTo("id");
        assertThat(sent.parameters()).hasSize(3).contains(tracking).noneMatch(value -> value.contains(pin))
                .anyMatch(value -> value.contains("***@"));
        assertThat(mailServer.receivedWithMessageId((String) notice.get("message_id"))).isEmpty();

        Instant expires = jdbc.queryForObject("""
                SELECT r.expires_at FROM kkprint_release r JOIN kkprint_request q ON q.id = r.request_id
                WHERE q.tracking_number = ? AND r.state = 'ACTIVE'""", java.time.LocalDateTime.class, tracking)
                .toInstant(java.time.ZoneOffset.UTC);
        clock.setInstant(expires.minus(Duration.ofDays(2)));
        delivery.remindExpiring(Duration.ofDays(3), 1_000);
        Map<String, Object> reminder = await().atMost(DELIVERY).until(() -> message("kkprint-expiring", tracking),
                row -> "SENT".equals(row.get("state")));
        assertThat(reminder.get("channel")).isEqualTo("WHATSAPP");
        assertThat(cloudApi.receivedFor(phone.substring(1))).extracting(TestCloudApi.Received::template)
                .containsExactly("dukcapil_kk_ready", "dukcapil_kk_expiring");
    }

    @Test
    void a_request_returned_to_a_requester_who_chose_sms_says_why_by_sms() {
        String phone = newPhone();
        String tracking = kk.submitted("+62 " + phone.substring(3), "SMS");
        long id = kk.idOf(tracking);
        kk.asStaff("operator", () -> {
            operatorInbox.claim(id);
            operatorInbox.returnToCitizen(id, "Foto KK lama tidak terbaca");
            return null;
        });

        Map<String, Object> returned = await().atMost(DELIVERY).until(() -> message("kkprint-returned", tracking),
                row -> "SENT".equals(row.get("state")));
        assertThat(returned.get("channel")).isEqualTo("SMS");
        assertThat(smsc.receivedFor(phone.substring(1))).singleElement().satisfies(sms -> assertThat(sms.text())
                .startsWith("Disdukcapil: permohonan cetak KK " + tracking + " dikembalikan")
                .contains("Foto KK lama tidak terbaca"));
    }

    @Test
    void a_phone_that_is_not_indonesian_or_whatsapp_without_a_phone_is_refused_and_nothing_is_saved() {
        Map<String, Object> head = kk.freshHead();
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_request", Long.class);
        for (String[] phoneAndChannel : new String[][] {{"12345", "SMS"}, {"+1 415 555 0100", "EMAIL"},
                {"", "WHATSAPP"}, {"081234567890", "PIGEON"}}) {
            assertThatThrownBy(() -> KkPrintTestSupport.as(new ApiClientAuthentication(kk.gateway()),
                    () -> intake.submit(new IntakeForm((String) head.get("nik"), (String) head.get("kk_number"),
                            KkPrintReason.BIRTH.name(), "", null, phoneAndChannel[0], phoneAndChannel[1]),
                            KkPrintTestSupport.CLIENT)))
                    .isInstanceOfSatisfying(KkPrintRefusal.class, refused -> assertThat(refused.code())
                            .isEqualTo(phoneAndChannel[1].equals("EMAIL") || phoneAndChannel[1].equals("SMS")
                                    ? KkPrintRefusal.Code.INVALID_PHONE : KkPrintRefusal.Code.INVALID_CHANNEL));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_request", Long.class)).isEqualTo(before);
    }

    private Map<String, Object> message(String templateKey, String tracking) {
        return jdbc.queryForList("SELECT * FROM notification_message WHERE template_key = ? AND body LIKE ? "
                + "ORDER BY id DESC", templateKey, "%" + tracking + "%").stream().findFirst().orElse(Map.of());
    }

    private Map<String, Object> byPhone(String templateKey, String phone) {
        return jdbc.queryForList("SELECT * FROM notification_message WHERE template_key = ? AND recipient = ?",
                templateKey, phone).stream().findFirst().orElse(Map.of());
    }

    private static String newPhone() {
        return "+62858" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }
}
