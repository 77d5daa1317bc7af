package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.packaged.BdsCitizens;
import id.dukcapil.portal.packaged.Database;
import id.dukcapil.portal.recording.RecordingTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What the office's day starts with, made before anything is measured: citizens' bookings for today at the
 * counters' point, and residents due for recording who come to the registration desks.
 */
final class OfficeData {

    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Jakarta");
    private static final Pattern BOOKED = Pattern.compile(
            "\"bookingCode\"\\s*:\\s*\"([^\"]+)\".*\"queueNumber\"\\s*:\\s*(\\d+)", Pattern.DOTALL);

    /** A citizen's booking as the counter scans it: its code, and the queue number the screen then shows. */
    record Booked(String code, int queueNumber) {
    }

    private OfficeData() {
    }

    /**
     * {@code count} bookings at {@code point} for today, made as the BDS app makes them: accounts registered with the
     * OTP from the e-mail, a family's worth of people (ten) per account, each booking through the citizens' API.
     * Citizens may book from tomorrow on only, so they book the next working day (its quota raised first, as a
     * planner would for the benchmark's numbers), and that day then becomes today in the database: the night passing.
     */
    static Queue<Booked> bookingsForToday(BdsCitizens citizens, Database database, String point, int count)
            throws Exception {
        LocalDate day = BdsCitizens.workingDay(1);
        LocalDate today = LocalDate.now(OFFICE_ZONE);
        HttpResponse<String> open = citizens.send(HttpRequest.newBuilder(citizens.url("/api/v1/bds/availability?servicePoint="
                + point + "&from=" + day + "&to=" + day)).build()).orElseThrow();
        assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
        List<String[]> people;
        try (Connection connection = database.database()) {
            JdbcTemplate jdbc = jdbc(connection);
            jdbc.update("UPDATE booking_day SET quota_override = ? WHERE service_point = ? AND day = ?",
                    count + 1_000, point, day);
            people = jdbc.query("""
                    SELECT r.nik, f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                    WHERE r.enrolment_status = 'PRINT_READY' AND r.gone_on IS NULL
                    AND NOT EXISTS (SELECT 1 FROM booking_booking b WHERE b.nik = r.nik) ORDER BY r.id LIMIT ?""",
                    (row, n) -> new String[] {row.getString(1), row.getString(2)}, count);
        }
        assertThat(people).as("print-ready residents to book").hasSize(count);
        Queue<Booked> booked = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<BdsCitizens.Citizen> accounts = new ArrayList<>();
        for (int i = 0; i < count; i += 10) {
            accounts.add(citizens.citizen());
        }
        for (int i = 0; i < count; i++) {
            String[] person = people.get(i);
            BdsCitizens.Citizen account = accounts.get(i / 10);
            threads.submit(() -> booked.add(book(citizens, account, person[0], person[1], point, day)));
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.MINUTES)).as("bookings made").isTrue();
        assertThat(booked).as("every booking answered 201").hasSize(count);
        try (Connection connection = database.database()) {
            JdbcTemplate jdbc = jdbc(connection);
            int todayBooked = jdbc.queryForList("SELECT booked FROM booking_day WHERE service_point = ? AND day = ?",
                    Integer.class, point, today).stream().mapToInt(Integer::intValue).sum();
            assertThat(todayBooked).as("no booking today at %s before the office's", point).isZero();
            jdbc.update("DELETE FROM booking_day WHERE service_point = ? AND day = ?", point, today);
            jdbc.update("UPDATE booking_day SET day = ? WHERE service_point = ? AND day = ?", today, point, day);
            jdbc.update("UPDATE booking_booking SET day = ? WHERE service_point = ? AND day = ?", today, point, day);
        }
        return booked;
    }

    private static Booked book(BdsCitizens citizens, BdsCitizens.Citizen account, String nik, String kkNumber,
                               String point, LocalDate day) {
        HttpResponse<String> answer = citizens.send(HttpRequest.newBuilder(citizens.url("/api/v1/bds/bookings"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + account.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Forwarded-For", account.address())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nik\":\"" + nik + "\",\"kkNumber\":\"" + kkNumber
                        + "\",\"servicePoint\":\"" + point + "\",\"date\":\"" + day + "\"}")).build()).orElseThrow();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        Matcher made = BOOKED.matcher(answer.body());
        assertThat(made.find()).as(answer.body()).isTrue();
        return new Booked(made.group(1), Integer.parseInt(made.group(2)));
    }

    /** {@code count} residents of 17 or more, not recorded, never at a registration desk: SOP C's day. */
    static Queue<String> residentsToRecord(Database database, int count) throws Exception {
        try (Connection connection = database.database()) {
            return new ConcurrentLinkedQueue<>(RecordingTestSupport.residentsToRecord(jdbc(connection),
                    LocalDate.now(OFFICE_ZONE), count));
        }
    }

    private static JdbcTemplate jdbc(Connection connection) {
        return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }
}
