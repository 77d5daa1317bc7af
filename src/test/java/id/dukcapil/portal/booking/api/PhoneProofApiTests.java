package id.dukcapil.portal.booking.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.notification.SenderRuns;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.notification.TestSmsc;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 52 item 1, as the attacker tried it: a phone nobody proved is chosen for SMS or WhatsApp in the app. Refused
 * now; a phone is proved only by the code the SMS gateway (the test run's SMPP peer) received for it (decision 182).
 */
@PortalTest
class PhoneProofApiTests {

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired TestMailServer mailServer;
    @Autowired BookingService bookings;
    @Autowired MeterRegistry meters;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void sms_or_whatsapp_for_a_phone_nobody_proved_is_refused_as_a_problem_in_both_languages() throws Exception {
        String token = signedIn();

        for (String channel : new String[] {"SMS", "WHATSAPP"}) {
            HttpResponse<String> id = send(put(token, "/profile/channel", "{\"channel\":\"" + channel + "\"}", "id"));
            assertThat(id.statusCode()).isEqualTo(409);
            assertThat(id.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(json.readTree(id.body()).get("code").asString()).isEqualTo("PHONE_NOT_PROVED");
            assertThat(json.readTree(id.body()).get("detail").asString())
                    .startsWith("Nomor HP akun ini belum dibuktikan.").contains("lewat e-mail");
        }
        HttpResponse<String> en = send(put(token, "/profile/channel", "{\"channel\":\"SMS\"}", "en"));
        assertThat(en.statusCode()).isEqualTo(409);
        assertThat(json.readTree(en.body()).get("detail").asString())
                .startsWith("The phone number of this account is not proved yet.");

        JsonNode chosen = json.readTree(send(get(token, "/profile/channel")).body());
        assertThat(chosen.get("channel").asString()).as("the choice stays").isEqualTo("EMAIL");
        assertThat(chosen.get("phoneProved").asBoolean()).isFalse();
        JsonNode phone = json.readTree(send(get(token, "/profile/phone")).body());
        assertThat(phone.get("phone").asString()).as("the number typed at registration").isEqualTo("+6281234567890");
        assertThat(phone.get("proved").asBoolean()).isFalse();
        assertThat(phone.get("proofOffered").asBoolean()).as("this office sends SMS").isTrue();
    }

    @Test
    void a_phone_is_proved_by_the_code_its_sms_carried_and_the_code_is_kept_nowhere_but_the_phone() throws Exception {
        String token = signedIn();
        String phone = support.newPhone();
        String digits = phone.substring(1);

        HttpResponse<String> sent = send(put(token, "/profile/phone",
                "{\"phone\":\"" + phone.replace("+62", "0") + "\"}", "id"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(json.readTree(sent.body()).get("phone").asString()).isEqualTo(phone);
        JsonNode pending = json.readTree(send(get(token, "/profile/phone")).body());
        assertThat(pending.get("pending").asString()).isEqualTo(phone);
        assertThat(pending.get("proved").asBoolean()).isFalse();

        String code = BookingTestSupport.smsCodeTo(digits, 0);
        assertThat(TestSmsc.textsTo(digits).getFirst()).startsWith("Disdukcapil: " + code + " adalah kode bukti nomor HP");
        // The gateway holds the text before the sender reads its answer and erases the code: wait for the answer.
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.queryForObject(
                "SELECT state FROM notification_message WHERE phone = ? AND template_key = 'phone-proof'",
                String.class, phone)));
        Map<String, Object> message = jdbc.queryForMap("""
                SELECT m.id, m.message_id, m.channel, m.fallbacks, m.kind, m.secret_values, m.body, t.text
                FROM notification_message m JOIN notification_channel_text t ON t.message_id = m.id
                WHERE m.phone = ? AND m.template_key = 'phone-proof'""", phone);
        assertThat(message.get("channel")).as("by SMS, and nowhere else").isEqualTo("SMS");
        assertThat(message.get("fallbacks")).isNull();
        assertThat(message.get("kind")).isEqualTo("PROOF");
        assertThat(message.get("secret_values")).as("erased once sent").isNull();
        assertThat((String) message.get("text")).contains("{{secret:code}}").doesNotContain(code);
        assertThat((String) message.get("body")).doesNotContain(code);
        assertThat(mailServer.receivedWithMessageId((String) message.get("message_id"))).as("never e-mailed").isEmpty();
        assertThat(jdbc.queryForObject("SELECT code_hash FROM booking_phone_code WHERE phone = ?", String.class, phone))
                .as("hashed with BCrypt").contains("$2a$").doesNotContain(code);

        HttpResponse<String> malformed = send(post(token, "/profile/phone/proof", "{\"code\":\"12a\"}", "en"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("PHONE_CODE_MALFORMED", "The code in the SMS is 6 digits.");
        String wrong = code.equals("000000") ? "000001" : "000000";
        HttpResponse<String> refused = send(post(token, "/profile/phone/proof", "{\"code\":\"" + wrong + "\"}", "id"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("PHONE_CODE_INVALID", "Kode salah, kedaluwarsa");
        assertThat(json.readTree(send(put(token, "/profile/channel", "{\"channel\":\"SMS\"}", "id")).body())
                .get("code").asString()).as("a wrong code proves nothing").isEqualTo("PHONE_NOT_PROVED");

        HttpResponse<String> proved = send(post(token, "/profile/phone/proof", "{\"code\":\"" + code + "\"}", "id"));
        assertThat(proved.statusCode()).as(proved.body()).isEqualTo(200);
        assertThat(json.readTree(proved.body()).get("phone").asString()).isEqualTo(phone);
        assertThat(json.readTree(proved.body()).get("proved").asBoolean()).isTrue();
        assertThat(json.readTree(proved.body()).get("pending").isNull()).isTrue();
        HttpResponse<String> again = send(post(token, "/profile/phone/proof", "{\"code\":\"" + code + "\"}", "id"));
        assertThat(again.statusCode()).as("a code proves once").isEqualTo(422);

        HttpResponse<String> sms = send(put(token, "/profile/channel", "{\"channel\":\"SMS\"}", "id"));
        assertThat(sms.statusCode()).isEqualTo(200);
        assertThat(json.readTree(sms.body()).get("phoneProved").asBoolean()).isTrue();
    }

    @Test
    void a_code_lives_ten_minutes_and_five_tries_and_a_newer_one_replaces_it() throws Exception {
        String token = signedIn();
        String phone = support.newPhone();
        String digits = phone.substring(1);
        assertThat(send(put(token, "/profile/phone", "{\"phone\":\"" + phone + "\"}", "id")).statusCode()).isEqualTo(202);
        String first = BookingTestSupport.smsCodeTo(digits, 0);

        clock.setInstant(Instant.now().plus(Duration.ofMinutes(11)));
        assertThat(send(post(token, "/profile/phone/proof", "{\"code\":\"" + first + "\"}", "id")).statusCode())
                .as("expired").isEqualTo(422);

        assertThat(send(put(token, "/profile/phone", "{\"phone\":\"" + phone + "\"}", "id")).statusCode())
                .as("a new code, past the minute").isEqualTo(202);
        String second = BookingTestSupport.smsCodeTo(digits, 1);
        for (int i = 0; i < 5; i++) {
            String wrong = "%06d".formatted((Integer.parseInt(second) + 1 + i) % 1_000_000);
            assertThat(send(post(token, "/profile/phone/proof", "{\"code\":\"" + wrong + "\"}", "id")).statusCode())
                    .isEqualTo(422);
        }
        assertThat(send(post(token, "/profile/phone/proof", "{\"code\":\"" + second + "\"}", "id")).statusCode())
                .as("five wrong tries spend the code").isEqualTo(422);
        assertThat(json.readTree(send(get(token, "/profile/phone")).body()).get("proved").asBoolean()).isFalse();
    }

    @Test
    void a_second_code_within_the_minute_is_refused_with_retry_after_and_nothing_is_sent() throws Exception {
        String token = signedIn();
        String phone = support.newPhone();
        assertThat(send(put(token, "/profile/phone", "{\"phone\":\"" + phone + "\"}", "id")).statusCode()).isEqualTo(202);
        BookingTestSupport.smsCodeTo(phone.substring(1), 0);

        HttpResponse<String> soon = send(put(token, "/profile/phone", "{\"phone\":\"" + phone + "\"}", "en"));
        assertThat(soon.statusCode()).isEqualTo(429);
        assertThat(json.readTree(soon.body()).get("code").asString()).isEqualTo("PHONE_CODE_THROTTLED");
        assertThat(json.readTree(soon.body()).get("detail").asString()).startsWith("Too many codes were asked for");
        assertThat(Long.parseLong(soon.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        HttpResponse<String> notAPhone = send(put(token, "/profile/phone", "{\"phone\":\"12345\"}", "en"));
        assertThat(notAPhone.statusCode()).isEqualTo(422);
        assertThat(json.readTree(notAPhone.body()).get("errors").get(0).get("field").asString()).isEqualTo("phone");
        // No second code queued (a phone's pace could hold one back past any run), nor sent in a whole run since.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE phone = ? "
                + "AND template_key = 'phone-proof'", Integer.class, phone)).as("one code queued").isEqualTo(1);
        new SenderRuns(meters).awaitWhole(1);
        assertThat(TestSmsc.textsTo(phone.substring(1))).hasSize(1);
    }

    /**
     * An account that chose SMS before phones were proved (the change set sets such accounts back to e-mail; this one
     * is made by hand as the rows were): its messages find no proved phone and go by e-mail.
     */
    @Test
    void an_account_left_on_sms_with_a_phone_nobody_proved_gets_its_ticket_by_e_mail() {
        CitizenSession citizen = support.citizen();
        jdbc.update("UPDATE booking_citizen SET notify_channel = 'SMS' WHERE id = ?", citizen.citizenId());
        LocalDate day = support.workingDay(9);
        support.room("DINAS", day, 5);
        bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), "DINAS", day), null,
                BookingJourney.none(), support.newClientAddress());
        Map<String, Object> ticket = await().atMost(Duration.ofSeconds(40))
                .until(() -> jdbc.queryForList("SELECT channel, fallbacks, phone, state FROM notification_message "
                        + "WHERE recipient = ? AND template_key = 'booking-ticket'", citizen.email()),
                        rows -> rows.size() == 1).getFirst();
        assertThat(ticket.get("channel")).isEqualTo("EMAIL");
        assertThat(ticket.get("fallbacks")).isNull();
        assertThat(ticket.get("phone")).as("no phone to fall back from").isNull();
    }

    private String signedIn() throws Exception {
        String email = support.newEmail();
        support.citizen(email);
        return json.readTree(send(HttpRequest.newBuilder(uri("/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"email":"%s","password":"%s"}""".formatted(email, BookingTestSupport.PASSWORD)))).body())
                .get("token").asString();
    }

    private HttpRequest.Builder get(String token, String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private HttpRequest.Builder put(String token, String path, String body, String language) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder post(String token, String path, String body, String language) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/api/v1/bds" + path);
    }
}
