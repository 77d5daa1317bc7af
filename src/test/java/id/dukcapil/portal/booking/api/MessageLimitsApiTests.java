package id.dukcapil.portal.booking.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.Together;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenChannels;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.booking.QuotaCalendarService;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.TestSmsc;
import id.dukcapil.portal.notification.internal.NotificationProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 52 item 1, as the attacker tried it: twenty moves of one booking in one second, and ten moves 1.5 s apart to
 * a phone on SMS. Moves and cancellations are limited per account (and per proved phone and client address), and a
 * booking's newer ticket replaces the one still waiting, so the phone gets fewer messages than moves, never more
 * than its daily cap (decision 182).
 */
@PortalTest
class MessageLimitsApiTests {

    private static final String POINT = "DINAS";

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;
    @Autowired BookingService bookings;
    @Autowired QuotaCalendarService calendar;
    @Autowired CitizenChannels channels;
    @Autowired NotificationProperties notification;
    @Autowired JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void twenty_moves_sent_in_one_second_move_the_accounts_bookings_ten_times_and_the_rest_wait_as_told()
            throws Exception {
        String email = support.newEmail();
        CitizenSession citizen = support.citizen(email);
        String token = token(email);
        // Two of a family's bookings, each asked to move to ten other days at once: every move could be made.
        List<LocalDate> days = days(12);
        List<Booking> family = List.of(book(citizen, days.get(0)), book(citizen, days.get(1)));

        List<Callable<HttpResponse<String>>> moves = new ArrayList<>();
        for (LocalDate day : days.subList(2, 12)) {
            for (Booking booking : family) {
                moves.add(() -> send(HttpRequest.newBuilder(uri("/bookings/" + booking.code() + "/reschedule"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + day + "\"}"))));
            }
        }
        long start = System.nanoTime();
        List<HttpResponse<String>> answers = Together.run(20, moves);
        System.out.printf("20 moves answered in %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(answers.stream().filter(answer -> answer.statusCode() == 200).count())
                .as("the account's ten moves an hour").isEqualTo(10);
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() != 200).toList();
        assertThat(refused).hasSize(10).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(answer.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
            assertThat(json.readTree(answer.body()).get("code").asString()).isEqualTo("CHANGE_THROTTLED");
            assertThat(json.readTree(answer.body()).get("detail").asString())
                    .matches("Bookings were moved or cancelled too often\\. Try again in [1-6] minutes\\.");
            // One move comes back every six minutes (ten an hour).
            assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 360L);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'booking.rescheduled' "
                + "AND subject_id IN (?, ?)", Integer.class, family.get(0).code(), family.get(1).code())).isEqualTo(10);

        HttpResponse<String> cancel = send(HttpRequest.newBuilder(uri("/bookings/" + family.get(0).code()))
                .header("Authorization", "Bearer " + token).DELETE());
        assertThat(cancel.statusCode()).as("a cancellation counts with the moves").isEqualTo(429);
        assertThat(json.readTree(cancel.body()).get("code").asString()).isEqualTo("CHANGE_THROTTLED");
        assertThat(json.readTree(cancel.body()).get("detail").asString()).startsWith("Booking terlalu sering dipindah");
    }

    @Test
    void ten_moves_one_and_a_half_seconds_apart_reach_the_phone_as_fewer_messages_the_last_one_the_latest_day()
            throws Exception {
        String email = support.newEmail();
        CitizenSession citizen = support.citizen(email);
        String phone = support.newPhone();
        String digits = phone.substring(1);
        support.provePhone(citizen, phone);
        channels.choose(citizen, Channel.SMS);
        String token = token(email);
        List<LocalDate> days = days(11);
        Booking booking = book(citizen, days.getFirst());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmsc.textsTo(digits).size() == 2); // code, ticket

        for (LocalDate day : days.subList(1, 11)) {
            HttpResponse<String> moved = send(HttpRequest.newBuilder(uri("/bookings/" + booking.code() + "/reschedule"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + day + "\"}")));
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            Thread.sleep(1_500);
        }
        Booking last = bookings.ofCitizen(citizen, booking.code());
        assertThat(last.day()).isEqualTo(days.getLast());
        // Every ticket queued has gone, or was replaced by a newer one before it went.
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM notification_message WHERE phone = ? AND state IN ('PENDING', 'RETRY', 'SENDING')""",
                Integer.class, phone) == 0);
        List<String> movedTexts = TestSmsc.textsTo(digits).stream().filter(text -> text.contains("pindah ke")).toList();
        int replaced = jdbc.queryForObject("""
                SELECT COUNT(*) FROM notification_message WHERE phone = ? AND state = 'REPLACED'
                AND template_key = 'booking-ticket-moved'""", Integer.class, phone);
        System.out.printf("10 moves 1.5 s apart: %d SMS, %d tickets replaced while they waited%n", movedTexts.size(),
                replaced);
        assertThat(movedTexts.size() + replaced).as("one ticket per move, sent or replaced").isEqualTo(10);
        assertThat(movedTexts.size()).as("the phone's pace holds a ticket back, and the next move replaces it")
                .isLessThan(10);
        int withoutSecret = TestSmsc.textsTo(digits).size() - 1; // the proof's code has limits of its own
        assertThat(withoutSecret).as("at most the phone's daily cap").isLessThanOrEqualTo(notification.phoneDailyCap());
        assertThat(movedTexts.getLast()).as("the last SMS is the last move's ticket")
                .contains(last.code(), "antrian " + last.queueNumber());
    }

    /** Open days a citizen may book, from the day after tomorrow, each with room: one per move. */
    private List<LocalDate> days(int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = support.workingDay(2); days.size() < count; day = support.workingDayAfter(day)) {
            assertThat(calendar.citizenBookable(day)).as("enough open days within the booking horizon").isTrue();
            if (!calendar.ensureDay(POINT, day).closed()) {
                support.room(POINT, day, 5);
                days.add(day);
            }
        }
        return days;
    }

    private Booking book(CitizenSession citizen, LocalDate day) {
        return bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), POINT, day), null,
                BookingJourney.none(), support.newClientAddress()).booking();
    }

    private String token(String email) throws Exception {
        return json.readTree(send(HttpRequest.newBuilder(uri("/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"email":"%s","password":"%s"}""".formatted(email, BookingTestSupport.PASSWORD)))).body())
                .get("token").asString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/api/v1/bds" + path);
    }
}
