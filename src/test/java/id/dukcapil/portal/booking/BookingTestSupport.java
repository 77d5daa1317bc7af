package id.dukcapil.portal.booking;

import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.notification.TestSmsc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What booking tests start from: a verified citizen made through the real registration (the OTP read from the
 * outbox the e-mail went into), print-ready NIKs not booked before, a working day, a day's quota set by a planner.
 */
@TestComponent
public class BookingTestSupport {

    public static final String PASSWORD = "Kartu-Bedas-2026";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final AtomicInteger PHONES = new AtomicInteger();

    private final CitizenAccounts accounts;
    private final CitizenPhones phones;
    private final QuotaCalendarService calendar;
    private final PointCalendarSettings pointSettings;
    private final UserDetailsService users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    BookingTestSupport(CitizenAccounts accounts, CitizenPhones phones, QuotaCalendarService calendar,
                       PointCalendarSettings pointSettings, UserDetailsService users, JdbcTemplate jdbc, Clock clock) {
        this.accounts = accounts;
        this.phones = phones;
        this.calendar = calendar;
        this.pointSettings = pointSettings;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new address, unique in the test run. */
    public String newEmail() {
        return "warga" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet() + "@contoh.id";
    }

    /**
     * A client network address of its own (TEST-NET and private ranges), so that one test's requests never meet
     * another's client throttles.
     */
    public String newClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "10.%d.%d.%d".formatted((n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }

    /** Registers and verifies a citizen with the code from the e-mail in the outbox. */
    public CitizenSession citizen() {
        return citizen(newEmail());
    }

    /** Registers and verifies a citizen of that address. */
    public CitizenSession citizen(String email) {
        String client = newClientAddress();
        String attempt = accounts.register(new Registration("Siti Nurhaliza", email, "0812 3456 7890", PASSWORD),
                Locale.forLanguageTag("id"), client);
        return accounts.verify(email, attempt, lastCodeTo(email), client);
    }

    /**
     * A mobile number of its own (+62853…), unique in the test run: no other test's codes, limits or daily cap
     * reach it. Every citizen {@link #citizen()} makes registers 0812 3456 7890, which nobody proves.
     */
    public String newPhone() {
        return "+62853" + (10_000_000 + PHONES.incrementAndGet() * 7919 % 89_999_999);
    }

    /**
     * Proves the phone for the citizen through the product's own path (decision 182): a code is sent by SMS to the test
     * run's SMPP gateway, read there as the phone shows it, and given back. WhatsApp and SMS may then be chosen.
     */
    public void provePhone(CitizenSession citizen, String phone) {
        String digits = phone.substring(1);
        int before = TestSmsc.textsTo(digits).size();
        phones.sendCode(citizen, phone, newClientAddress());
        phones.prove(citizen, smsCodeTo(digits, before), newClientAddress());
    }

    /** The 6-digit code of the first SMS to the number after {@code before} others, as the phone shows it. */
    public static String smsCodeTo(String digits, int before) {
        List<String> texts = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> TestSmsc.textsTo(digits), received -> received.size() > before);
        Matcher matcher = CODE.matcher(texts.get(before));
        if (!matcher.find()) {
            throw new IllegalStateException("No code in " + texts.get(before));
        }
        return matcher.group(1);
    }

    /**
     * That many citizens, all registered before the first is verified: their code mails go out together instead of
     * one outbox round each (a benchmark's hundreds of accounts in seconds, not minutes).
     */
    public List<CitizenSession> citizens(int count) {
        List<String[]> registered = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = newEmail();
            String client = newClientAddress();
            String attempt = accounts.register(new Registration("Siti Nurhaliza", email, "0812 3456 7890", PASSWORD),
                    Locale.forLanguageTag("id"), client);
            registered.add(new String[] {email, client, attempt});
        }
        return registered.stream()
                .map(account -> accounts.verify(account[0], account[2], lastCodeTo(account[0]), account[1])).toList();
    }

    /**
     * The 6-digit code of the newest e-mail to the address, as the citizen receives it (the outbox keeps no code:
     * decision 076).
     */
    public String lastCodeTo(String email) {
        String text = lastTextTo(email);
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("No code in " + text);
        }
        return matcher.group(1);
    }

    /** The text of the newest e-mail to the address, as the citizen receives it. */
    public String lastTextTo(String email) {
        String messageId = jdbc.queryForObject(
                "SELECT message_id FROM notification_message WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                String.class, email);
        return id.dukcapil.portal.notification.TestMailServer.awaitText(messageId);
    }

    public List<String> subjectsTo(String email) {
        return jdbc.queryForList("SELECT subject FROM notification_message WHERE recipient = ? ORDER BY id", String.class, email);
    }

    public int mailsTo(String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE recipient = ?", Integer.class, email);
    }

    /** Print-ready residents with no booking at all yet. */
    public List<String> printReadyNiks(int count) {
        return jdbc.queryForList("""
                SELECT r.nik FROM population_resident r WHERE r.enrolment_status = 'PRINT_READY'
                AND NOT EXISTS (SELECT 1 FROM booking_booking b WHERE b.nik = r.nik) ORDER BY r.id LIMIT ?""",
                String.class, count);
    }

    /** The number of the family card that lists the NIK: what a citizen types beside it to prove the person. */
    public String kkOf(String nik) {
        return jdbc.queryForObject("""
                SELECT f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE r.nik = ?""", String.class, nik);
    }

    /** A citizen's request for the NIK, with its family card's number. */
    public BookingRequest request(String nik, String point, LocalDate day) {
        return new BookingRequest(nik, kkOf(nik), point, day);
    }

    public String residentWithStatus(String status) {
        return jdbc.queryForObject("SELECT nik FROM population_resident WHERE enrolment_status = ? ORDER BY id LIMIT 1",
                String.class, status);
    }

    /** The working day at least {@code daysAhead} days after today. */
    public LocalDate workingDay(int daysAhead) {
        LocalDate day = LocalDate.now(clock).plusDays(daysAhead);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The first working day from {@code daysAhead} on which nobody has booked at the point yet, within the booking
     * horizon: for a test that counts every booking of its day, whatever other test classes booked before it.
     */
    public LocalDate dayOfItsOwn(String point, int daysAhead) {
        LocalDate last = today().plusDays(QuotaCalendarService.BOOKING_HORIZON_DAYS);
        for (LocalDate day = workingDay(daysAhead); !day.isAfter(last); day = workingDayAfter(day)) {
            Integer booked = jdbc.queryForObject("SELECT COUNT(*) FROM booking_booking WHERE service_point = ? AND day = ?",
                    Integer.class, point, day);
            if (booked == 0) {
                return day;
            }
        }
        throw new IllegalStateException("Every working day up to " + last + " has bookings at " + point);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDate workingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** A planner gives the day exactly this quota, none of it kept for staff. */
    public void quota(String point, LocalDate day, int quota) {
        SignedInAs.run(users, "perencana", () -> {
            pointSettings.changeSettings(point, new PointSettings(40, 0));
            calendar.overrideQuota(point, day, quota);
        });
    }

    /**
     * A planner leaves {@code places} free on the day, whatever other test classes booked there before: test days
     * are shared (workingDay(23) and (24) are one Monday when both land on a weekend), so a fixed quota can be full.
     */
    public void room(String point, LocalDate day, int places) {
        quota(point, day, calendar.ensureDay(point, day).booked() + places);
    }

    /**
     * The day's counter row locked in a transaction of its own, as a planner's recount holds it: the day's batches wait
     * for it until it is let go.
     */
    public HeldRow holdDayRow(String point, LocalDate day) throws SQLException {
        Connection connection = java.util.Objects.requireNonNull(jdbc.getDataSource()).getConnection();
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT booked FROM booking_day WHERE service_point = ? AND day = ? FOR UPDATE")) {
                lock.setString(1, point);
                lock.setObject(2, day);
                lock.executeQuery().close();
            }
            return new HeldRow(connection);
        } catch (SQLException | RuntimeException failed) {
            connection.close();
            throw failed;
        }
    }

    /** A day's row held by {@link #holdDayRow}; letting it go, or closing, rolls its transaction back. */
    public record HeldRow(Connection connection) implements AutoCloseable {

        public void letGo() throws SQLException {
            connection.rollback();
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }
}
