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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What the office's day starts with, made before anything is measured: an account for each acting desk at its
 * point, citizens' bookings for today at the counters' points, and residents due for recording who come to the
 * registration desks.
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
     * Bookings for today at each point, as many as {@code counts} says, made as the BDS app makes them: accounts
     * registered with the OTP from the e-mail, a family's worth of people (ten) per account, each booking through the
     * citizens' API. Citizens may book from tomorrow on only, so they book the next working day (its quota raised
     * first, as a planner would for the benchmark's numbers), and that day then becomes today in the database: the
     * night passing.
     */
    static Map<String, Queue<Booked>> bookingsForToday(BdsCitizens citizens, Database database,
                                                       Map<String, Integer> counts) throws Exception {
        LocalDate day = BdsCitizens.workingDay(1);
        LocalDate today = LocalDate.now(OFFICE_ZONE);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<String[]> people;
        try (Connection connection = database.database()) {
            JdbcTemplate jdbc = jdbc(connection);
            for (var point : counts.entrySet()) {
                HttpResponse<String> open = citizens.send(HttpRequest.newBuilder(citizens.url(
                        "/api/v1/bds/availability?servicePoint=" + point.getKey() + "&from=" + day + "&to=" + day))
                        .build()).orElseThrow();
                assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
                // What the quota calendar's override does: the day's quota, and the override that keeps it.
                jdbc.update("UPDATE booking_day SET quota = ?, quota_override = ? WHERE service_point = ? AND day = ?",
                        point.getValue() + 1_000, point.getValue() + 1_000, point.getKey(), day);
            }
            people = jdbc.query("""
                    SELECT r.nik, f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                    WHERE r.enrolment_status = 'PRINT_READY' AND r.gone_on IS NULL
                    AND NOT EXISTS (SELECT 1 FROM booking_booking b WHERE b.nik = r.nik) ORDER BY r.id LIMIT ?""",
                    (row, n) -> new String[] {row.getString(1), row.getString(2)}, total);
        }
        assertThat(people).as("print-ready residents to book").hasSize(total);
        Map<String, Queue<Booked>> booked = new ConcurrentHashMap<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        int person = 0;
        for (var point : counts.entrySet()) {
            Queue<Booked> atPoint = booked.computeIfAbsent(point.getKey(), code -> new ConcurrentLinkedQueue<>());
            for (int first = 0; first < point.getValue(); first += 10) {
                List<String[]> family = people.subList(person + first, person + Math.min(point.getValue(), first + 10));
                threads.submit(() -> {
                    try {
                        BdsCitizens.Citizen account = citizens.citizen();
                        for (String[] member : family) {
                            atPoint.add(book(citizens, account, member[0], member[1], point.getKey(), day));
                        }
                    } catch (Exception | AssertionError failed) {
                        failures.add(String.valueOf(failed.getMessage()));
                    }
                });
            }
            person += point.getValue();
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.MINUTES)).as("bookings made").isTrue();
        assertThat(failures).as("every booking answered 201").isEmpty();
        try (Connection connection = database.database()) {
            JdbcTemplate jdbc = jdbc(connection);
            for (String point : counts.keySet()) {
                int todayBooked = jdbc.queryForList("SELECT booked FROM booking_day WHERE service_point = ? AND day = ?",
                        Integer.class, point, today).stream().mapToInt(Integer::intValue).sum();
                assertThat(todayBooked).as("no booking today at %s before the office's", point).isZero();
                jdbc.update("DELETE FROM booking_day WHERE service_point = ? AND day = ?", point, today);
                jdbc.update("UPDATE booking_day SET day = ? WHERE service_point = ? AND day = ?", today, point, day);
                jdbc.update("UPDATE booking_booking SET day = ? WHERE service_point = ? AND day = ?", today, point, day);
            }
        }
        return booked;
    }

    /**
     * A desk's own account at {@code point}, for each point: a copy of the role's demo user (its password, its roles)
     * named after the desk, {@code desk-1}, {@code -2}, …, as ADMIN would make one per desk. Each desk is then its own user at
     * its own point, as in an office: its own counter queue, its own called numbers.
     */
    static List<String> deskUsers(Database database, String demoUser, String desk, List<String> points) throws Exception {
        List<String> users = new ArrayList<>();
        try (Connection connection = database.database()) {
            JdbcTemplate jdbc = jdbc(connection);
            for (int i = 0; i < points.size(); i++) {
                String user = desk + "-" + (i + 1);
                jdbc.update("""
                        INSERT INTO staff_account (username, full_name, password_hash, service_point_id, active,
                          must_change_password, failed_sign_ins, password_changed_at, created_at, version)
                        SELECT ?, CONCAT(a.full_name, ' ', ?), a.password_hash, p.id, TRUE, FALSE, 0,
                          a.password_changed_at, a.created_at, 0
                        FROM staff_account a, staff_service_point p WHERE a.username = ? AND p.code = ?""",
                        user, i + 1, demoUser, points.get(i));
                jdbc.update("""
                        INSERT INTO staff_account_role (account_id, role)
                        SELECT c.id, r.role FROM staff_account c, staff_account a JOIN staff_account_role r
                          ON r.account_id = a.id WHERE c.username = ? AND a.username = ?""", user, demoUser);
                users.add(user);
            }
        }
        return users;
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

    /**
     * Opens {@code day} for booking at each point, its quota raised to {@code quota}: what the quota calendar's
     * override does, as a planner would for the benchmark's numbers.
     */
    static void openDay(BdsCitizens citizens, Database database, Collection<String> points, LocalDate day, int quota)
            throws Exception {
        try (Connection connection = database.database()) {
            JdbcTemplate jdbc = jdbc(connection);
            for (String point : points) {
                HttpResponse<String> open = citizens.send(HttpRequest.newBuilder(citizens.url(
                        "/api/v1/bds/availability?servicePoint=" + point + "&from=" + day + "&to=" + day))
                        .build()).orElseThrow();
                assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
                jdbc.update("UPDATE booking_day SET quota = ?, quota_override = ? WHERE service_point = ? AND day = ?",
                        quota, quota, point, day);
            }
        }
    }

    /** {@code count} print-ready residents with no booking: citizens who book while the office works (SOP A). */
    static Queue<OfficeCitizens.Person> printReady(Database database, int count) throws Exception {
        return people(database, count, "print-ready residents to book", """
                SELECT r.nik, f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE r.enrolment_status = 'PRINT_READY' AND r.gone_on IS NULL
                AND NOT EXISTS (SELECT 1 FROM booking_booking b WHERE b.nik = r.nik) ORDER BY r.id DESC LIMIT ?""");
    }

    /** {@code count} residents with a printed card and no IKD registration: SOP E's citizens. */
    static Queue<OfficeCitizens.Person> withPrintedCard(Database database, int count) throws Exception {
        return people(database, count, "residents with a printed card", """
                SELECT r.nik, f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE r.gone_on IS NULL AND EXISTS (SELECT 1 FROM population_card_print c WHERE c.resident_id = r.id)
                AND NOT EXISTS (SELECT 1 FROM ikd_registration i WHERE i.nik = r.nik) ORDER BY r.id DESC LIMIT ?""");
    }

    /**
     * {@code count} heads of families with an e-mail in the register, no KK print request yet and no duplicate
     * record among them: SOP B's requesters, whose requests a verifier can verify.
     */
    static Queue<OfficeCitizens.Person> headsOfFamilies(Database database, int count) throws Exception {
        return people(database, count, "heads of families", """
                SELECT r.nik, f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE r.relationship = 'HEAD' AND r.email IS NOT NULL AND r.gone_on IS NULL
                AND NOT EXISTS (SELECT 1 FROM kkprint_request k WHERE k.kk_number = f.kk_number)
                AND NOT EXISTS (SELECT 1 FROM population_resident d WHERE d.family_id = f.id
                                AND d.enrolment_status = 'DUPLICATE_RECORD')
                ORDER BY r.id LIMIT ?""");
    }

    private static Queue<OfficeCitizens.Person> people(Database database, int count, String what, String sql)
            throws Exception {
        try (Connection connection = database.database()) {
            List<OfficeCitizens.Person> people = jdbc(connection).query(sql,
                    (row, n) -> new OfficeCitizens.Person(row.getString(1), row.getString(2)), count);
            assertThat(people).as(what).hasSize(count);
            return new ConcurrentLinkedQueue<>(people);
        }
    }

    /** The service point of a staff account. */
    static String pointOf(Database database, String user) throws Exception {
        try (Connection connection = database.database()) {
            return jdbc(connection).queryForObject("""
                    SELECT p.code FROM staff_account a JOIN staff_service_point p ON p.id = a.service_point_id
                    WHERE a.username = ?""", String.class, user);
        }
    }

    /** What the pages' element ids are made of: a KK request's id, by its tracking number. */
    record Ids(Database database) {

        long kkRequest(String tracking) throws Exception {
            try (Connection connection = database.database()) {
                return jdbc(connection).queryForObject("SELECT id FROM kkprint_request WHERE tracking_number = ?",
                        Long.class, tracking);
            }
        }
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
