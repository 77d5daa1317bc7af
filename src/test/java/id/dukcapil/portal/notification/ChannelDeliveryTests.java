package id.dukcapil.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenChannels;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.outside.SystemState;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's WhatsApp and SMS channels against real protocol peers the test run started: an HTTPS server that
 * answers as the WhatsApp Cloud API, and an SMPP gateway from jSMPP. Statuses come back through the portal's signed
 * webhook, delivery receipts over SMPP (decision 140).
 */
@PortalTest
class ChannelDeliveryTests {

    private static final Locale INDONESIAN = Locale.of("id");

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired BookingService bookings;
    @Autowired BookingTestSupport support;
    @Autowired CitizenChannels channels;
    @Autowired TestMailServer mailServer;
    @Autowired MeterRegistry meters;
    @Autowired OutsideSystems outside;
    @LocalServerPort int port;

    private final TestCloudApi cloudApi = new TestCloudApi();
    private final TestSmsc smsc = new TestSmsc();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_ticket_for_a_citizen_who_chose_whatsapp_goes_as_the_approved_template_and_its_statuses_come_back()
            throws Exception {
        CitizenSession citizen = support.citizen();
        String phone = newPhone();
        support.provePhone(citizen, phone); // WhatsApp only to a proved phone (decision 182)
        channels.choose(citizen, Channel.WHATSAPP);
        LocalDate day = support.workingDay(14);
        support.room("DINAS", day, 20);
        Booking booking = bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), "DINAS", day),
                null, BookingJourney.none(), support.newClientAddress()).booking();

        Map<String, Object> row = awaitState(citizen.email(), "booking-ticket", "SENT");
        assertThat(row.get("channel")).isEqualTo("WHATSAPP");
        TestCloudApi.Received sent = cloudApi.receivedFor(digits(phone)).getFirst();
        assertThat(sent.template()).isEqualTo("dukcapil_booking_ticket");
        assertThat(sent.language()).isEqualTo("id");
        assertThat(sent.parameters()).hasSize(5).contains(booking.code(), String.valueOf(booking.queueNumber()),
                booking.residentName());
        assertThat(sent.callbackData()).isEqualTo(row.get("message_id"));
        assertThat(row.get("provider_message_id")).isEqualTo(sent.wamid());

        assertThat(webhook(TestCloudApi.statusPayload(sent.wamid(), digits(phone), "read", "", Instant.now(), null),
                "sha256=" + "0".repeat(64))).isEqualTo(401);
        assertThat(delivery(row)).isNull();
        assertThat(signedWebhook(TestCloudApi.statusPayload(sent.wamid(), digits(phone), "delivered", "",
                Instant.now(), null))).isEqualTo(200);
        assertThat(signedWebhook(TestCloudApi.statusPayload(sent.wamid(), digits(phone), "read", "",
                Instant.now(), null))).isEqualTo(200);
        // Meta repeats statuses, and their order is not promised: a late "delivered" does not undo "read".
        assertThat(signedWebhook(TestCloudApi.statusPayload(sent.wamid(), digits(phone), "delivered", "",
                Instant.now(), null))).isEqualTo(200);
        assertThat(delivery(row)).isEqualTo("READ");
        assertThat(mailServer.receivedWithMessageId((String) row.get("message_id"))).isEmpty();
    }

    @Test
    void a_phone_whatsapp_cannot_reach_gets_the_message_by_sms_and_the_receipt_says_it_was_delivered() throws Exception {
        String phone = newPhone();
        MessageRef ref = enqueue("booking-reminder", Reach.chosen(Channel.WHATSAPP, phone));
        Map<String, Object> row = awaitRow(ref, "SENT", "WHATSAPP");
        String wamid = (String) row.get("provider_message_id");

        signedWebhook(TestCloudApi.statusPayload(wamid, digits(phone), "failed", ref.messageId(), Instant.now(), 131026));

        await().atMost(OutboxRows.DELIVERY).until(() -> "DELIVERED".equals(delivery(row(ref.id()))));
        Map<String, Object> bySms = row(ref.id());
        assertThat(bySms.get("channel")).isEqualTo("SMS");
        assertThat(bySms.get("state")).isEqualTo("SENT");
        TestSmsc.Received sms = smsc.receivedFor(digits(phone)).getFirst();
        assertThat(sms.text()).startsWith("Disdukcapil: besok").contains("Siti Aminah", "B-0042", "A-007");
        assertThat(sms.from()).isEqualTo("DUKCAPIL");
        assertThat(attempts(ref)).containsExactly("WHATSAPP SENT", "WHATSAPP UNDELIVERED", "SMS SENT", "SMS DELIVERED");
    }

    /**
     * Meta's side failing (a 503 without a documented error) is the Cloud API away, for the cluster (decision 198): the
     * message waits for its next attempt, and the attempt that goes through finds WhatsApp back; sent once.
     */
    @Test
    void a_503_from_the_cloud_api_is_whatsapp_away_until_the_next_attempt_goes_through() {
        // Up to begin with, whatever the tests before left (a lost answer is WhatsApp away too).
        awaitRow(enqueue("booking-reminder", Reach.chosen(Channel.WHATSAPP, newPhone())), "SENT", "WHATSAPP");
        assertThat(outside.state(OutsideSystem.WHATSAPP).status()).isEqualTo(SystemState.Status.UP);
        String phone = newPhone();
        cloudApi.script(digits(phone), new TestCloudApi.Refuse(503, 0, "Service Unavailable"));
        MessageRef ref = enqueue("booking-reminder", Reach.chosen(Channel.WHATSAPP, phone));

        await().atMost(OutboxRows.DELIVERY).until(() -> outside.state(OutsideSystem.WHATSAPP).away());
        assertThat(outside.state(OutsideSystem.WHATSAPP).lastFailure()).startsWith("HTTP 503");

        awaitRow(ref, "SENT", "WHATSAPP");
        assertThat(outside.state(OutsideSystem.WHATSAPP).status()).isEqualTo(SystemState.Status.UP);
        assertThat(cloudApi.receivedFor(digits(phone))).hasSize(1);
        assertThat(attempts(ref)).containsExactly("WHATSAPP RETRY", "WHATSAPP SENT");
    }

    /**
     * The gateway takes the SMS and at once reports it undelivered: the receipt, arriving while the sender still holds
     * the submit's answer (decision 156), is recorded with it and puts the message on its next channel.
     */
    @Test
    void an_sms_the_gateway_reports_undelivered_goes_on_by_e_mail() {
        String phone = newPhone();
        smsc.script(digits(phone), new TestSmsc.Receipt(DeliveryReceiptState.UNDELIV));
        MessageRef ref = enqueue("booking-reminder", Reach.chosen(Channel.SMS, phone));

        awaitRow(ref, "SENT", "EMAIL");
        assertThat(smsc.receivedFor(digits(phone))).hasSize(1);
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).hasSize(1);
        assertThat(attempts(ref)).containsExactly("SMS SENT", "SMS UNDELIVERED", "EMAIL SENT");
    }

    @Test
    void refused_by_whatsapp_and_by_the_sms_gateway_the_message_goes_by_e_mail() {
        String phone = newPhone();
        cloudApi.script(digits(phone), new TestCloudApi.Refuse(400, 133010, "Phone number not registered"));
        smsc.script(digits(phone), new TestSmsc.Refuse(0x0B)); // ESME_RINVDSTADR
        MessageRef ref = enqueue("booking-reminder", Reach.chosen(Channel.WHATSAPP, phone));

        Map<String, Object> row = awaitRow(ref, "SENT", "EMAIL");
        assertThat((String) row.get("last_answer")).startsWith("250");
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).hasSize(1);
        assertThat(attempts(ref)).containsExactly("WHATSAPP FAILED", "SMS FAILED", "EMAIL SENT");
    }

    @Test
    void a_message_whose_answer_was_lost_is_not_sent_again_and_its_status_later_confirms_it() throws Exception {
        String phone = newPhone();
        cloudApi.script(digits(phone), new TestCloudApi.NoAnswer(true));
        MessageRef ref = enqueue("booking-reminder", Reach.chosen(Channel.WHATSAPP, phone));

        awaitRow(ref, "UNCERTAIN", "WHATSAPP");
        new SenderRuns(meters).awaitWhole(3);
        assertThat(cloudApi.receivedFor(digits(phone))).hasSize(1);
        assertThat(smsc.receivedFor(digits(phone))).isEmpty();
        assertThat(row(ref.id()).get("state")).isEqualTo("UNCERTAIN");

        String wamid = cloudApi.receivedFor(digits(phone)).getFirst().wamid();
        signedWebhook(TestCloudApi.statusPayload(wamid, digits(phone), "sent", ref.messageId(), Instant.now(), null));
        Map<String, Object> confirmed = row(ref.id());
        assertThat(confirmed.get("state")).isEqualTo("SENT");
        assertThat(confirmed.get("provider_message_id")).isEqualTo(wamid);
    }

    @Test
    void a_status_that_overtakes_the_record_of_its_send_is_asked_for_again_and_then_applied() throws Exception {
        String phone = newPhone();
        String stopping = newPhone();
        int auditedBefore = optOutsAudited(stopping);
        MessageRef ref = enqueue("booking-reminder", Reach.chosen(Channel.WHATSAPP, phone));
        String wamid = (String) awaitRow(ref, "SENT", "WHATSAPP").get("provider_message_id");
        // As it was between the Cloud API's answer and the sender's commit of it.
        jdbc.update("UPDATE notification_message SET state = 'SENDING', provider_message_id = NULL WHERE id = ?",
                ref.id());
        // In the same POST, another citizen's STOP.
        String reply = TestCloudApi.replyPayload(digits(stopping), "STOP");
        String messages = reply.substring(reply.indexOf("\"messages\":["), reply.lastIndexOf("]}}]}]}") + 1);
        String delivered = TestCloudApi.statusPayload(wamid, digits(phone), "delivered", ref.messageId(),
                Instant.now(), null).replace("\"statuses\":[", messages + ",\"statuses\":[");

        assertThat(signedWebhook(delivered)).as("Meta is asked to send it again").isEqualTo(503);
        assertThat(optOutsAudited(stopping)).as("nothing of the refused payload is kept").isEqualTo(auditedBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_opt_out WHERE phone = ?", Integer.class,
                stopping)).isZero();
        jdbc.update("UPDATE notification_message SET state = 'SENT', provider_message_id = ? WHERE id = ?", wamid,
                ref.id());
        assertThat(signedWebhook(delivered)).isEqualTo(200);
        assertThat(signedWebhook(delivered)).as("sent once more by Meta").isEqualTo(200);
        assertThat(delivery(row(ref.id()))).isEqualTo("DELIVERED");
        assertThat(optOutsAudited(stopping)).as("one STOP, one audit entry").isEqualTo(auditedBefore + 1);
    }

    private int optOutsAudited(String phone) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'notification.opted-out' "
                + "AND subject_id = ?", Integer.class, "\u2026" + phone.substring(phone.length() - 4));
    }

    @Test
    void a_message_with_a_secret_goes_by_e_mail_even_to_a_citizen_who_chose_whatsapp() {
        String phone = newPhone();
        MessageRef ref = transactions.execute(status -> outbox.enqueue(OutgoingMail.of(support.newEmail(), "otp",
                INDONESIAN, Map.of("name", "Siti Aminah", "code", "482913", "minutes", 10)),
                Reach.chosen(Channel.WHATSAPP, phone)));

        Map<String, Object> row = awaitRow(ref, "SENT", "EMAIL");
        assertThat(row.get("fallbacks")).isNull();
        assertThat(cloudApi.receivedFor(digits(phone))).isEmpty();
        assertThat(smsc.receivedFor(digits(phone))).isEmpty();
    }

    @Test
    void a_citizen_who_replies_stop_on_whatsapp_gets_the_next_message_by_sms() throws Exception {
        String phone = newPhone();
        assertThat(signedWebhook(TestCloudApi.replyPayload(digits(phone), "stop"))).isEqualTo(200);

        MessageRef ref = enqueue("booking-reminder", Reach.chosen(Channel.WHATSAPP, phone));

        awaitRow(ref, "SENT", "SMS");
        assertThat(cloudApi.receivedFor(digits(phone))).isEmpty();
        assertThat(attempts(ref)).startsWith("WHATSAPP SKIPPED", "SMS SENT");
    }

    @Test
    void a_citizen_who_replies_berhenti_by_sms_gets_the_next_message_by_e_mail() throws Exception {
        String phone = newPhone();
        awaitRow(enqueue("booking-reminder", Reach.chosen(Channel.SMS, phone)), "SENT", "SMS"); // the session is bound

        smsc.reply(digits(phone), "BERHENTI");
        await().atMost(OutboxRows.DELIVERY).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification_opt_out WHERE channel = 'SMS' AND phone = ?", Integer.class, phone) == 1);
        MessageRef ref = enqueue("booking-reminder", Reach.chosen(Channel.SMS, phone));

        awaitRow(ref, "SENT", "EMAIL");
        assertThat(smsc.receivedFor(digits(phone))).hasSize(1);
        assertThat(attempts(ref)).containsExactly("SMS SKIPPED", "EMAIL SENT");
    }

    @Test
    void two_messages_to_one_phone_are_paced() {
        String phone = newPhone();
        MessageRef first = enqueue("booking-reminder", Reach.chosen(Channel.SMS, phone));
        MessageRef second = enqueue("booking-reminder", Reach.chosen(Channel.SMS, phone));

        Instant firstAt = ((java.sql.Timestamp) awaitRow(first, "SENT", "SMS").get("sent_at")).toInstant();
        Instant secondAt = ((java.sql.Timestamp) awaitRow(second, "SENT", "SMS").get("sent_at")).toInstant();
        assertThat(Duration.between(firstAt, secondAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void the_webhook_handshake_answers_the_challenge_only_to_the_verify_token() throws Exception {
        HttpResponse<String> right = http.send(HttpRequest.newBuilder(URI.create(webhookUrl()
                + "?hub.mode=subscribe&hub.verify_token=" + TestCloudApi.VERIFY_TOKEN + "&hub.challenge=1158201444"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("1158201444");

        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(webhookUrl()
                + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444"))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("WEBHOOK_VERIFY_REFUSED", "verify token does not match")
                .doesNotContain("1158201444");
    }

    @Test
    void a_batch_of_statuses_above_the_apis_64_kb_is_taken_and_one_above_a_megabyte_is_refused() throws Exception {
        String batch = statusBatch(100 * 1024);
        HttpResponse<String> taken = signedWebhookAnswer(batch);
        assertThat(taken.statusCode()).isEqualTo(200);

        String tooLarge = statusBatch(2 * 1024 * 1024);
        HttpResponse<String> refused = signedWebhookAnswer(tooLarge);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("CONTENT_TOO_LARGE");
    }

    /** Meta's batched POST: as many statuses (of messages this portal never sent) as fill {@code bytes}. */
    private static String statusBatch(int bytes) {
        String one = TestCloudApi.statusPayload("wamid.batch", "6285700000000", "delivered", "", Instant.now(), null);
        String status = one.substring(one.indexOf("\"statuses\":[") + 12, one.lastIndexOf("]}}]}]}"));
        StringBuilder statuses = new StringBuilder(status);
        while (statuses.length() < bytes) {
            statuses.append(',').append(status.replace("wamid.batch", "wamid.batch-" + statuses.length()));
        }
        return one.substring(0, one.indexOf("\"statuses\":[") + 12) + statuses + "]}}]}]}";
    }

    private HttpResponse<String> signedWebhookAnswer(String payload) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(webhookUrl()))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", hubSignature(payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private MessageRef enqueue(String templateKey, Reach reach) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", "Siti Aminah");
        model.put("resident", "Siti Aminah");
        model.put("date", "Senin, 7 Desember 2026");
        model.put("point", "Disdukcapil Kab. Bandung");
        model.put("address", "Jl. Raya Soreang");
        model.put("hours", "08.00-15.00");
        model.put("code", "B-0042");
        model.put("queue", "A-007");
        model.put("history", "https://portal.example/bds/riwayat");
        return transactions.execute(status -> outbox.enqueue(OutgoingMail.of(support.newEmail(), templateKey,
                INDONESIAN, model), reach));
    }

    /** The one message of this template for this address (queued by the booking's listener), once in this state. */
    private Map<String, Object> awaitState(String email, String templateKey, String state) {
        long id = await().atMost(OutboxRows.DELIVERY).until(() -> jdbc.queryForList(
                "SELECT id FROM notification_message WHERE recipient = ? AND template_key = ?", Long.class, email,
                templateKey), ids -> ids.size() == 1).getFirst();
        return OutboxRows.awaitRow(jdbc, id, state, row -> state.equals(row.get("state")));
    }

    private Map<String, Object> awaitRow(MessageRef ref, String state, String channel) {
        return OutboxRows.awaitRow(jdbc, ref.id(), state + " by " + channel,
                row -> state.equals(row.get("state")) && channel.equals(row.get("channel")));
    }

    private Map<String, Object> row(long id) {
        return OutboxRows.row(jdbc, id);
    }

    private String delivery(Map<String, Object> row) {
        return jdbc.queryForObject("SELECT delivery FROM notification_message WHERE id = ?", String.class, row.get("id"));
    }

    private List<String> attempts(MessageRef ref) {
        return jdbc.queryForList("SELECT CONCAT(channel, ' ', outcome) FROM notification_attempt WHERE message_id = ? "
                + "ORDER BY id", String.class, ref.id());
    }

    private int signedWebhook(String payload) throws Exception {
        return webhook(payload, hubSignature(payload));
    }

    /** As Meta signs: sha256= and the hex HMAC-SHA256 of the body, keyed with the app secret. */
    private static String hubSignature(String payload) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(TestCloudApi.APP_SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private int webhook(String payload, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(webhookUrl()))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private String webhookUrl() {
        return "http://localhost:" + port + "/api/v1/whatsapp/webhook";
    }

    private static String newPhone() {
        return "+62857" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static String digits(String phone) {
        return phone.substring(1);
    }
}
