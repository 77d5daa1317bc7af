package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.staff.StaffAccounts;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A citizen's booking: the rules a request meets, a retried request, a day closed after people booked it. Each test
 * books at a point of its own, whose days and counts no other test touches.
 */
@PortalTest
class BookingRulesTests {

    @Autowired StaffAccounts staff;
    @Autowired BookingService bookings;
    @Autowired QuotaCalendarService calendar;
    @Autowired PointCalendarSettings pointSettings;
    @Autowired BookingTestSupport support;
    @Autowired TestMailServer mailServer;
    @Autowired UserDetailsService users;
    @Autowired id.dukcapil.portal.blanko.BlankoStock stock;
    @Autowired BookingJobs jobs;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_same_booking() {
        String point = staff.servicePoint();
        LocalDate day = support.workingDay(4);
        support.quota(point, day, 10);
        CitizenSession citizen = support.citizen();
        BookingRequest request = support.request(support.printReadyNiks(1).getFirst(), point, day);
        BookingResult first = bookings.book(citizen, request, "retry-1", BookingJourney.none(), support.newClientAddress());
        BookingResult retry = bookings.book(citizen, request, "retry-1", BookingJourney.none(), support.newClientAddress());
        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.booking()).isEqualTo(first.booking());
        assertThat(calendar.ensureDay(point, day).booked()).isEqualTo(1);
        BookingRequest other = support.request(support.printReadyNiks(1).getFirst(), point, day);
        assertThatThrownBy(() -> bookings.book(citizen, other, "retry-1", BookingJourney.none(), support.newClientAddress()))
                .isInstanceOfSatisfying(BookingRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(RefusalCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void a_nik_has_one_open_booking_and_must_be_valid_known_and_print_ready() {
        String point = staff.servicePoint();
        LocalDate day = support.workingDay(4);
        support.quota(point, day, 10);
        CitizenSession citizen = support.citizen();
        String nik = support.printReadyNiks(1).getFirst();
        bookings.book(citizen, support.request(nik, point, day), null, BookingJourney.none(), support.newClientAddress());
        assertRefused(citizen, support.request(nik, point, support.workingDay(5)), RefusalCode.ACTIVE_BOOKING_EXISTS);
        String kk = support.kkOf(nik);
        assertRefused(citizen, new BookingRequest("3204371234", kk, point, day), RefusalCode.INVALID_NIK);
        assertRefused(citizen, new BookingRequest("3204374213990001", kk, point, day), RefusalCode.INVALID_NIK);
        assertRefused(citizen, new BookingRequest("3204370101909999", kk, point, day), RefusalCode.PERSON_NOT_CONFIRMED);
        assertRefused(citizen, support.request(support.residentWithStatus("ENROLMENT_FAILED"), point, day),
                RefusalCode.NOT_PRINT_READY);
    }

    @Test
    void weekends_days_outside_the_window_and_full_days_cannot_be_booked() {
        String point = staff.servicePoint();
        CitizenSession citizen = support.citizen();
        String nik = support.printReadyNiks(1).getFirst();
        LocalDate saturday = support.workingDay(7).with(java.time.DayOfWeek.SATURDAY);
        assertRefused(citizen, support.request(nik, point, saturday), RefusalCode.DAY_CLOSED);
        assertRefused(citizen, support.request(nik, point, support.today()), RefusalCode.DAY_CLOSED);
        assertRefused(citizen, support.request(nik, point, support.today().plusDays(45)), RefusalCode.DAY_CLOSED);
        LocalDate full = support.workingDay(6);
        support.quota(point, full, 0);
        assertRefused(citizen, support.request(nik, point, full), RefusalCode.QUOTA_FULL);
        assertThat(calendar.availability(point, full, full).getFirst().remaining()).isZero();
    }

    @Test
    void the_staff_reserve_is_kept_from_citizens_but_a_clerk_may_use_it() throws Exception {
        String point = staff.servicePoint();
        LocalDate day = support.workingDay(8);
        SignedInAs.run(users, "perencana", () -> {
            pointSettings.changeSettings(point, new PointSettings(40, 1));
            calendar.overrideQuota(point, day, 2);
        });
        CitizenSession citizen = support.citizen();
        List<String> niks = support.printReadyNiks(3);
        bookings.book(citizen, support.request(niks.get(0), point, day), null, BookingJourney.none(), support.newClientAddress());
        assertRefused(citizen, support.request(niks.get(1), point, day), RefusalCode.QUOTA_FULL);
        Booking urgent = SignedInAs.call(users, "operator", () -> bookings.bookForResident(
                new BookingRequest(niks.get(1), point, day), new UrgentReason(UrgentNeed.HEALTH, "Rawat inap RSUD Soreang")));
        assertThat(urgent.fromReserve()).isTrue();
        assertThat(urgent.queueNumber()).isEqualTo(2);
    }

    @Test
    void a_citizen_cancels_or_moves_a_booking_until_the_day_before() {
        String point = staff.servicePoint();
        LocalDate day = support.workingDay(9);
        LocalDate later = support.workingDayAfter(day);
        support.quota(point, day, 5);
        support.quota(point, later, 5);
        CitizenSession citizen = support.citizen();
        Booking booking = bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), point, day),
                null, BookingJourney.none(), support.newClientAddress()).booking();
        Booking moved = bookings.reschedule(citizen, booking.code(), later, support.newClientAddress());
        assertThat(moved.day()).isEqualTo(later);
        assertThat(calendar.ensureDay(point, day).booked()).isZero();
        assertThat(calendar.ensureDay(point, later).booked()).isEqualTo(1);
        assertThat(bookings.cancel(citizen, booking.code(), support.newClientAddress()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(calendar.ensureDay(point, later).booked()).isZero();
        CitizenSession stranger = support.citizen();
        assertThatThrownBy(() -> bookings.cancel(stranger, booking.code(), support.newClientAddress()))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(RefusalCode.BOOKING_NOT_FOUND));
    }

    @Test
    void closing_a_day_cancels_its_bookings_and_emails_the_next_free_dates() throws Exception {
        String point = staff.servicePoint();
        LocalDate day = support.workingDay(11);
        support.quota(point, day, 5);
        // The next working day, not workingDay(12): when day 11 falls on a Saturday, both are the Monday after.
        support.quota(point, support.workingDayAfter(day), 5);
        CitizenSession citizen = support.citizen();
        Booking booking = bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), point, day),
                null, BookingJourney.none(), support.newClientAddress()).booking();
        int cancelled = SignedInAs.call(users, "perencana", () -> calendar.closeDay(point, day, "Pemadaman listrik"));
        assertThat(cancelled).isEqualTo(1);
        assertThat(bookings.ofCitizen(citizen, booking.code()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(calendar.ensureDay(point, day).closed()).isTrue();

        MimeMessage mail = awaitMail(citizen.email(), "dibatalkan");
        String body = mail.getContent().toString();
        assertThat(body).contains(booking.code(), "Pemadaman listrik", "/bds/booking?point=" + point);
        assertThat(body).containsPattern("Tanggal yang masih tersedia:\\s*\\n- \\S+");
    }

    @Test
    void the_quota_follows_the_blank_cards_not_yet_promised_to_earlier_days() throws Exception {
        String point = staff.servicePoint();
        LocalDate day = support.workingDay(4);
        LocalDate next = support.workingDayAfter(day);
        SignedInAs.run(users, "perencana", () -> {
            pointSettings.changeSettings(point, new PointSettings(40, 0));
            stock.receive(point, 10, "SJ-QUOTA-1");
        });
        assertThat(calendar.ensureDay(point, day).quota()).isEqualTo(10);
        bookings.book(support.citizen(), support.request(support.printReadyNiks(1).getFirst(), point, day), null,
                BookingJourney.none(), support.newClientAddress());
        assertThat(calendar.ensureDay(point, next).quota()).as("one card promised to the day before").isEqualTo(9);

        SignedInAs.run(users, "perencana", () -> stock.receive(point, 50, "SJ-QUOTA-2"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (calendar.ensureDay(point, day).quota() != 40 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(calendar.ensureDay(point, day).quota()).as("capped by the printing capacity").isEqualTo(40);
        assertThat(calendar.ensureDay(point, next).quota()).isEqualTo(40);
    }

    @Test
    void the_day_before_each_citizen_is_reminded_once() {
        String point = staff.servicePoint();
        LocalDate day = support.workingDay(5);
        support.quota(point, day, 5);
        CitizenSession citizen = support.citizen();
        Booking booking = bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), point, day),
                null, BookingJourney.none(), support.newClientAddress()).booking();
        assertThat(jobs.remind(day)).isGreaterThanOrEqualTo(1);
        assertThat(jobs.remind(day)).isZero();
        assertThat(support.subjectsTo(citizen.email())).filteredOn(subject -> subject.startsWith("Pengingat"))
                .containsExactly("Pengingat: besok cetak KTP-el (" + booking.code() + ")");
    }

    @Test
    void a_citizen_proves_the_person_with_the_family_card_and_learns_nothing_without_it() {
        String point = staff.servicePoint();
        LocalDate day = support.workingDay(6);
        support.quota(point, day, 10);
        CitizenSession citizen = support.citizen();
        List<String> niks = support.printReadyNiks(2);
        String nik = niks.get(0);
        String othersKk = jdbc.queryForObject("""
                SELECT kk_number FROM population_family WHERE kk_number <> ? ORDER BY id LIMIT 1""",
                String.class, support.kkOf(nik));
        BookingRefused notMatching = refusal(citizen, new BookingRequest(nik, othersKk, point, day));
        BookingRefused notFound = refusal(citizen, new BookingRequest("3204370101909999", othersKk, point, day));
        for (BookingRefused refused : List.of(notMatching, notFound)) {
            assertThat(refused.code()).isEqualTo(RefusalCode.PERSON_NOT_CONFIRMED);
            assertThat(refused.messageKeys()).containsExactly("booking.refused.PERSON_NOT_CONFIRMED");
            assertThat(refused.args()).as("neither a name nor a status nor the NIK told back").isEmpty();
        }
        assertThat(refusal(citizen, new BookingRequest(nik, point, day)).code()).as("the NIK alone")
                .isEqualTo(RefusalCode.INVALID_KK_NUMBER);
        assertThat(calendar.ensureDay(point, day).booked()).isZero();

        Booking booking = bookings.book(citizen, support.request(nik, point, day), null, BookingJourney.none(),
                support.newClientAddress()).booking();
        assertThat(booking.residentName()).isEqualTo(jdbc.queryForObject(
                "SELECT full_name FROM population_resident WHERE nik = ?", String.class, nik));

        for (int i = 3; i < BookingService.UNPROVEN_PER_ACCOUNT.events(); i++) { // two tried above, one below
            refusal(citizen, new BookingRequest(niks.get(1), othersKk, point, day));
        }
        assertThat(refusal(citizen, new BookingRequest(niks.get(1), othersKk, point, day)).code()).isEqualTo(RefusalCode.PERSON_NOT_CONFIRMED);
        assertThat(refusal(citizen, support.request(niks.get(1), point, day)).code())
                .as("guessing family cards stops the account for a while").isEqualTo(RefusalCode.BOOKING_THROTTLED);
    }

    @Test
    void an_account_books_for_a_family_s_worth_of_people_and_asks_only_so_often() {
        String point = staff.servicePoint();
        LocalDate day = support.workingDay(7);
        support.quota(point, day, 20);
        CitizenSession citizen = support.citizen();
        List<String> niks = support.printReadyNiks(11);
        List<Booking> made = new java.util.ArrayList<>();
        for (String nik : niks.subList(0, 10)) {
            made.add(bookings.book(citizen, support.request(nik, point, day), null, BookingJourney.none(),
                    support.newClientAddress()).booking());
        }
        assertThat(refusal(citizen, support.request(niks.get(10), point, day)).code())
                .isEqualTo(RefusalCode.PEOPLE_LIMIT_REACHED);
        bookings.cancel(citizen, made.getFirst().code(), support.newClientAddress());
        assertThat(bookings.book(citizen, support.request(niks.getFirst(), point, day), null, BookingJourney.none(),
                support.newClientAddress()).booking().nik()).as("someone booked for before may be booked for again")
                .isEqualTo(niks.getFirst());

        String client = support.newClientAddress();
        CitizenSession busy = support.citizen();
        for (int i = 0; i < BookingService.REQUESTS_PER_ACCOUNT.events(); i++) {
            assertThatThrownBy(() -> bookings.book(busy, new BookingRequest("3204371234", "x", point, day), null,
                    BookingJourney.none(), client)).isInstanceOf(BookingRefused.class);
        }
        assertThatThrownBy(() -> bookings.book(busy, support.request(niks.get(10), point, day), null,
                BookingJourney.none(), client)).isInstanceOfSatisfying(BookingRefused.class,
                refused -> assertThat(refused.code()).isEqualTo(RefusalCode.BOOKING_THROTTLED));
    }

    private BookingRefused refusal(CitizenSession citizen, BookingRequest request) {
        try {
            bookings.book(citizen, request, null, BookingJourney.none(), support.newClientAddress());
        } catch (BookingRefused refused) {
            return refused;
        }
        throw new AssertionError("Booked: " + request);
    }

    private MimeMessage awaitMail(String recipient, String subjectPart) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mailServer.received()) {
                if (message.getAllRecipients()[0].toString().equals(recipient) && message.getSubject().contains(subjectPart)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No e-mail '" + subjectPart + "' to " + recipient);
    }

    private void assertRefused(CitizenSession citizen, BookingRequest request, RefusalCode code) {
        assertThatThrownBy(() -> bookings.book(citizen, request, null, BookingJourney.none(), support.newClientAddress()))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
