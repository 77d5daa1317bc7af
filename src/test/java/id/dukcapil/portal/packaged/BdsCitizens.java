package id.dukcapil.portal.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Citizens with the BDS app, against packaged portals: accounts made as the app makes them (registration, the OTP
 * from the SMTP sink, sign-in), bursts of booking requests, and the rules a burst must leave standing. The crash
 * suite's and the cluster suite's. Requests go to the entrances in turn: one portal, several, or a load balancer.
 */
public final class BdsCitizens {

    private static final Pattern OTP = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern TICKET = Pattern.compile("Tiket antrian cetak KTP-el (\\S+)");
    private static final Pattern BOOKED = Pattern.compile("\"bookingCode\"\\s*:\\s*\"([^\"]+)\".*\"queueNumber\"\\s*:\\s*(\\d+)",
            Pattern.DOTALL);

    private final Database database;
    private final GreenMail mail;
    private final List<URI> entrances;
    private final AtomicInteger turn = new AtomicInteger();
    /** Each citizen's phone has an address of its own, as the proxy in front names it (X-Forwarded-For). */
    private static final AtomicInteger PHONES = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public BdsCitizens(Database database, GreenMail mail, List<URI> entrances) {
        this.database = database;
        this.mail = mail;
        this.entrances = List.copyOf(entrances);
    }

    /** The path at the next entrance in turn. */
    public URI url(String path) {
        return entrances.get(Math.floorMod(turn.getAndIncrement(), entrances.size())).resolve(path);
    }

    /** The answer, or empty when none came (connection refused or cut: the portal or the path to it is gone). */
    public Optional<HttpResponse<String>> send(HttpRequest request) {
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A burst for a day: as many booking requests as the day has places and a third more. */
    public Burst burst(String point, LocalDate day) throws Exception {
        HttpResponse<String> availability = send(HttpRequest.newBuilder(url("/api/v1/bds/availability?servicePoint="
                + point + "&from=" + day + "&to=" + day)).timeout(Duration.ofSeconds(30)).build()).orElseThrow();
        Matcher remaining = Pattern.compile("\"remaining\"\\s*:\\s*(\\d+)").matcher(availability.body());
        assertThat(remaining.find()).as(availability.body()).isTrue();
        int places = Integer.parseInt(remaining.group(1));
        assertThat(places).as("places on " + day).isGreaterThanOrEqualTo(30);
        return new Burst(point, day, places);
    }

    /** An answered booking: what the citizen was told. */
    public record Booked(String code, int queueNumber) {
    }

    /**
     * One try of one request: when it was sent and answered (System.nanoTime), the status (-1: no answer) and the
     * problem's code when it was refused.
     */
    public record Attempt(long sent, long answered, int status, String code) {

        public boolean failed() {
            return status < 0 || status >= 500;
        }
    }

    /**
     * The burst's requests, each from its own thread of 32, each retried with its Idempotency-Key after half a
     * second while it is answered "busy" (503), a proxy's 502/504 or nothing, as the app does.
     */
    public final class Burst {

        public final String point;
        public final LocalDate day;
        public final int places;
        public final AtomicInteger booked = new AtomicInteger();
        public final AtomicInteger unavailable = new AtomicInteger();
        public final Collection<Booked> answers = new ConcurrentLinkedQueue<>();
        public final Collection<Attempt> attempts = new ConcurrentLinkedQueue<>();
        private final List<Person> people;
        /** A family's worth of people per account (decision 068): one account per ten requests. */
        private final List<Citizen> accounts = new ArrayList<>();
        private final ExecutorService threads = Executors.newFixedThreadPool(32);
        private volatile boolean stopped;

        private Burst(String point, LocalDate day, int places) throws Exception {
            this.point = point;
            this.day = day;
            this.places = places;
            this.people = printReadyPeople(places + places / 3);
            for (int i = 0; i < people.size(); i += 10) {
                accounts.add(citizen());
            }
        }

        public Burst start() {
            for (int i = 0; i < people.size(); i++) {
                Person person = people.get(i);
                Citizen account = accounts.get(i / 10);
                threads.submit(() -> book(person, account));
            }
            threads.shutdown();
            return this;
        }

        private void book(Person person, Citizen account) {
            String key = UUID.randomUUID().toString();
            while (!stopped) {
                HttpRequest request = HttpRequest.newBuilder(url("/api/v1/bds/bookings")).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + account.token()).header("Idempotency-Key", key)
                        .header("X-Forwarded-For", account.address())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"nik\":\"" + person.nik() + "\",\"kkNumber\":\""
                                + person.kkNumber() + "\",\"servicePoint\":\"" + point
                                + "\",\"date\":\"" + day + "\"}")).build();
                long sent = System.nanoTime();
                Optional<HttpResponse<String>> answer = send(request);
                int status = answer.map(HttpResponse::statusCode).orElse(-1);
                attempts.add(new Attempt(sent, System.nanoTime(), status, answer.map(BdsCitizens::problemCode)
                        .orElse("")));
                if (status == 201) {
                    Matcher made = BOOKED.matcher(answer.orElseThrow().body());
                    assertThat(made.find()).as(answer.get().body()).isTrue();
                    answers.add(new Booked(made.group(1), Integer.parseInt(made.group(2))));
                    booked.incrementAndGet();
                    return;
                }
                if (status != -1 && status != 502 && status != 503 && status != 504) {
                    return; // refused (the day is full), or a failure that no retry mends
                }
                unavailable.incrementAndGet();
                sleep(Duration.ofMillis(500));
            }
        }

        public void awaitBooked(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (booked.get() < count) {
                assertThat(System.nanoTime()).as("%d bookings made", count).isLessThan(deadline);
                Thread.sleep(5);
            }
        }

        public void stop() throws InterruptedException {
            stopped = true;
            threads.awaitTermination(2, TimeUnit.MINUTES);
        }

        public void finish(Duration within) throws InterruptedException {
            boolean finished = threads.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                stop();
            }
            System.out.println("Burst for " + point + " on " + day + ", answers: " + answerCounts());
            assertThat(finished).as("the burst finished").isTrue();
        }

        /** Seconds from the first failed try (5xx or no answer) to the last one's answer; 0 if none failed. */
        public double errorSeconds() {
            long first = attempts.stream().filter(Attempt::failed).mapToLong(Attempt::sent).min().orElse(0);
            long last = attempts.stream().filter(Attempt::failed).mapToLong(Attempt::answered).max().orElse(0);
            return (last - first) / 1e9;
        }

        /** Seconds from {@code since} to the first booking answered 201 to a try sent after it; NaN if none. */
        public double secondsToFirstBookingAfter(long since) {
            return attempts.stream().filter(attempt -> attempt.status() == 201 && attempt.sent() >= since)
                    .mapToLong(Attempt::answered).min().stream().mapToDouble(answered -> (answered - since) / 1e9)
                    .findFirst().orElse(Double.NaN);
        }

        public long failedTries() {
            return attempts.stream().filter(Attempt::failed).count();
        }

        /** How often each answer came, by status and problem code ("201", "503 BUSY", "409 QUOTA_FULL"). */
        public Map<String, Long> answerCounts() {
            return attempts.stream().collect(Collectors.groupingBy(
                    attempt -> (attempt.status() + " " + attempt.code()).strip(), TreeMap::new, Collectors.counting()));
        }

        /**
         * The day within its quota, its counter equal to its bookings, every booking answered 201 in the database
         * with the queue number it was told, no queue number twice, and (once the outbox has had time) each
         * booking's ticket e-mail exactly once but for at most {@code uncertainAllowed} the outbox marked UNCERTAIN:
         * handed to the mail server when a portal was killed (decision 078).
         */
        public void assertTheRulesHeld(int uncertainAllowed) throws Exception {
            Map<String, Integer> numbers = new HashMap<>();
            try (Connection db = database.database()) {
                try (PreparedStatement counts = db.prepareStatement("""
                        SELECT d.booked, COALESCE(d.quota_override, d.quota) AS places,
                               (SELECT COUNT(*) FROM booking_booking b WHERE b.service_point = d.service_point
                                 AND b.day = d.day AND b.status <> 'CANCELLED') AS bookings
                        FROM booking_day d WHERE d.service_point = ? AND d.day = ?""")) {
                    counts.setString(1, point);
                    counts.setObject(2, day);
                    try (ResultSet row = counts.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        assertThat(row.getInt("bookings")).as("bookings of the day").isPositive()
                                .isEqualTo(row.getInt("booked")).isLessThanOrEqualTo(row.getInt("places"));
                    }
                }
                try (PreparedStatement select = db.prepareStatement(
                        "SELECT code, queue_number FROM booking_booking WHERE service_point = ? AND day = ?")) {
                    select.setString(1, point);
                    select.setObject(2, day);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            numbers.put(rows.getString(1), rows.getInt(2));
                        }
                    }
                }
            }
            for (Booked told : answers) {
                assertThat(numbers).as("booking %s answered 201 is in the database", told.code())
                        .containsEntry(told.code(), told.queueNumber());
            }
            assertThat(answers.stream().map(Booked::queueNumber).distinct().count()).as("queue numbers told")
                    .isEqualTo(answers.size());
            assertThat(numbers.values().stream().distinct().count()).as("queue numbers of the day, each once")
                    .isEqualTo(numbers.size());

            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            Map<String, Integer> tickets = tickets();
            while (!tickets.keySet().containsAll(numbers.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                tickets = tickets();
            }
            // A second copy could only come from a ticket still in the outbox's hands: wait until none is.
            while (ticketsInTheOutbox() > 0) {
                assertThat(System.nanoTime()).as("the outbox has handed over every ticket").isLessThan(deadline);
                Thread.sleep(200);
            }
            tickets = tickets();
            List<String> uncertain = uncertainTickets();
            assertThat(uncertain).as("at most the e-mails in the mail server's hands at a kill are uncertain "
                    + "(decision 078), shown to ADMIN").hasSizeLessThanOrEqualTo(uncertainAllowed);
            for (String code : numbers.keySet()) {
                int expected = uncertain.contains(code) ? tickets.getOrDefault(code, 0) : 1;
                assertThat(tickets.getOrDefault(code, 0)).as("ticket e-mails of booking " + code).isEqualTo(expected)
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    /** Ticket e-mails the outbox has still to hand over (waiting, retrying or being sent). */
    private int ticketsInTheOutbox() throws Exception {
        try (Connection db = database.database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM notification_message "
                     + "WHERE template_key = 'booking-ticket' AND state IN ('PENDING', 'RETRY', 'SENDING')")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Booking codes whose ticket e-mail the outbox marked UNCERTAIN: handed over when a JVM was killed. */
    public List<String> uncertainTickets() throws Exception {
        List<String> codes = new ArrayList<>();
        try (Connection db = database.database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT subject FROM notification_message "
                     + "WHERE template_key = 'booking-ticket' AND state = 'UNCERTAIN'")) {
            while (rows.next()) {
                Matcher ticket = TICKET.matcher(rows.getString(1));
                if (ticket.find()) {
                    codes.add(ticket.group(1));
                }
            }
        }
        return codes;
    }

    /** Ticket e-mails the SMTP sink received, by booking code. */
    public Map<String, Integer> tickets() throws Exception {
        Map<String, Integer> tickets = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            Matcher ticket = TICKET.matcher(String.valueOf(message.getSubject()));
            if (ticket.find()) {
                tickets.merge(ticket.group(1), 1, Integer::sum);
            }
        }
        return tickets;
    }

    /** A NIK and the number of the family card that lists it: what the BDS app sends to prove the person. */
    public record Person(String nik, String kkNumber) {
    }

    /** The NIKs this set of citizens already handed to a burst: two bursts made before either books ask for others. */
    private final java.util.Set<String> handedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private List<Person> printReadyPeople(int count) throws Exception {
        List<Person> people = new ArrayList<>();
        try (Connection db = database.database(); PreparedStatement select = db.prepareStatement("""
                SELECT r.nik, f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE r.enrolment_status = 'PRINT_READY'
                AND NOT EXISTS (SELECT 1 FROM booking_booking b WHERE b.nik = r.nik) ORDER BY r.id LIMIT ?""")) {
            select.setInt(1, count + handedOut.size());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && people.size() < count) {
                    if (handedOut.add(rows.getString(1))) {
                        people.add(new Person(rows.getString(1), rows.getString(2)));
                    }
                }
            }
        }
        return people;
    }

    /** A signed-in citizen: the bearer token, and the address the phone sends from. */
    public record Citizen(String token, String address) {
    }

    /** A citizen as the BDS app makes one, from a phone of its own: register, the OTP from the e-mail, sign in. */
    public Citizen citizen() throws Exception {
        int phone = PHONES.incrementAndGet();
        String address = "100.64.%d.%d".formatted(phone / 250 % 250, phone % 250 + 1);
        String email = "bds-" + UUID.randomUUID() + "@example.id";
        String password = "Crash#Test-2026";
        String registered = post(address, "/api/v1/bds/accounts", "{\"fullName\":\"Siti Crash\",\"email\":\"" + email
                + "\",\"phone\":\"081234567890\",\"password\":\"" + password + "\"}", 202);
        Matcher attempt = Pattern.compile("\"attempt\"\\s*:\\s*\"([^\"]+)\"").matcher(registered);
        assertThat(attempt.find()).as(registered).isTrue();
        String otp = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (otp == null) {
            assertThat(System.nanoTime()).as("the OTP e-mail arrives").isLessThan(deadline);
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(email)) {
                    Matcher code = OTP.matcher(GreenMailUtil.getBody(message));
                    if (code.find()) {
                        otp = code.group(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        post(address, "/api/v1/bds/accounts/verify", "{\"email\":\"" + email + "\",\"attempt\":\"" + attempt.group(1)
                + "\",\"otp\":\"" + otp + "\"}", 200);
        String session = post(address, "/api/v1/bds/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", 200);
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(session);
        assertThat(token.find()).as(session).isTrue();
        return new Citizen(token.group(1), address);
    }

    private String post(String address, String path, String json, int expected) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(json)).build())
                .orElseThrow();
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(expected);
        return answer.body();
    }

    /** A working day {@code ahead} days or more from today (office time), so that each burst fills its own day. */
    public static LocalDate workingDay(int ahead) {
        LocalDate day = LocalDate.now(ZoneOffset.ofHours(7)).plusDays(ahead);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    /** The problem document's code, if the answer is one. */
    private static String problemCode(HttpResponse<String> answer) {
        Matcher code = PROBLEM_CODE.matcher(answer.body() == null ? "" : answer.body());
        return answer.statusCode() != 201 && code.find() ? code.group(1) : "";
    }
}
