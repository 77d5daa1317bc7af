package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.booking.internal.BookingStore;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.PopulationChanged;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A booking's state machine at work (decision 173): a change its state does not allow is refused in words and changes
 * nothing (no card, no place); and a job that read a booking without a lock never writes over what somebody did since.
 * Each test has a service point of its own, with its own clerk, cards, day, citizen and residents.
 */
@PortalTest
class BookingTransitionTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @Autowired BookingService bookings;
    @Autowired CounterService counter;
    @Autowired QuotaCalendarService calendar;
    @Autowired ResidentsGoneFromRegistry residentsGone;
    @Autowired BookingStore store;
    @Autowired BlankoStock stock;
    @Autowired PopulationRegistry registry;
    @Autowired BookingTestSupport support;
    @Autowired StaffAccounts staff;
    @Autowired UserDetailsService users;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    String point;
    String clerk;
    LocalDate day;
    CitizenSession citizen;

    @BeforeEach
    void a_point_of_its_own_with_a_clerk_blank_cards_a_day_and_a_citizen() {
        point = staff.servicePoint();
        clerk = staff.create(Set.of(Role.OPERATOR), PortalTest.DEMO_PASSWORD, point);
        day = support.workingDay(3);
        support.quota(point, day, 10);
        SignedInAs.run(users, "perencana", () -> stock.receive(point, 5, "SJ-" + point));
        citizen = support.citizen();
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_booking_not_checked_in_is_not_printed_and_no_card_leaves_the_stock() {
        Booking booking = booked();
        onTheDay(LocalTime.of(9, 0));
        int cards = stock.balance(point);

        assertRefused(() -> asClerk(() -> counter.printed(booking.code(), CardPrintReason.FIRST)),
                "booking.transition.PRINT", "booking.stands.BOOKED");
        assertRefused(() -> asClerk(() -> counter.cannotPrint(booking.code(), CannotPrintReason.NOT_PRINT_READY, "")),
                "booking.transition.CANNOT_PRINT", "booking.stands.BOOKED");

        assertThat(status(booking)).isEqualTo(BookingStatus.BOOKED);
        assertThat(stock.balance(point)).isEqualTo(cards);
    }

    @Test
    void a_citizen_at_the_counter_is_no_no_show_when_the_day_ends() {
        Booking came = booked();
        Booking absent = booked();
        onTheDay(LocalTime.of(9, 0));
        checkIn(came);
        assertRefused(() -> store.byId(came.id()).orElseThrow().markNoShow(clock.instant()),
                "booking.transition.NO_SHOW", "booking.stands.ARRIVED");

        onTheDay(LocalTime.of(15, 30));
        assertThat(asClerk(() -> counter.markNoShows())).isEqualTo(1);

        assertThat(status(came)).isEqualTo(BookingStatus.ARRIVED);
        assertThat(status(absent)).isEqualTo(BookingStatus.NO_SHOW);
    }

    @Test
    void a_printed_booking_stays_printed_when_its_day_closes_and_gives_no_place_back() {
        Booking printed = booked();
        Booking waiting = booked();
        onTheDay(LocalTime.of(9, 0));
        checkIn(printed);
        asClerk(() -> counter.printed(printed.code(), firstCardOrNot(printed)));
        int placesTaken = placesTaken();

        int cancelled = SignedInAs.call(users, "perencana", () -> calendar.closeDay(point, day, "Banjir"));

        assertThat(cancelled).isEqualTo(1);
        assertThat(status(printed)).isEqualTo(BookingStatus.PRINTED);
        assertThat(status(waiting)).isEqualTo(BookingStatus.CANCELLED);
        assertThat(placesTaken()).as("only the cancelled booking's place goes back").isEqualTo(placesTaken - 1);
        assertRefused(() -> store.byId(printed.id()).orElseThrow().cancelForClosedDay("Banjir", clock.instant()),
                "booking.transition.CANCEL_FOR_CLOSED_DAY", "booking.stands.PRINTED");
    }

    @Test
    void a_cancelled_booking_is_not_checked_in() {
        Booking booking = booked();
        bookings.cancel(citizen, booking.code(), support.newClientAddress());
        onTheDay(LocalTime.of(9, 0));

        assertRefused(() -> checkIn(booking), "booking.counter.closed.CANCELLED");
        assertRefused(() -> store.byId(booking.id()).orElseThrow().arrive(clock.instant()),
                "booking.transition.CHECK_IN", "booking.stands.CANCELLED");
        assertThat(status(booking)).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void a_citizen_at_the_counter_can_no_longer_cancel_or_move_the_booking() {
        Booking booking = booked();
        LocalDate later = support.workingDayAfter(day);
        support.quota(point, later, 10);
        onTheDay(LocalTime.of(9, 0));
        checkIn(booking);
        // The citizen's phone, with the day not yet begun on its clock: only the state decides.
        clock.setInstant(day.minusDays(1).atTime(20, 0).atZone(OFFICE).toInstant());

        assertThatThrownBy(() -> bookings.cancel(citizen, booking.code(), support.newClientAddress())).isInstanceOfSatisfying(BookingRefused.class,
                refused -> assertThat(refused.code()).isEqualTo(RefusalCode.NOT_OPEN));
        assertThatThrownBy(() -> bookings.reschedule(citizen, booking.code(), later, support.newClientAddress()))
                .isInstanceOfSatisfying(BookingRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(RefusalCode.NOT_OPEN));
        Booking arrived = store.byId(booking.id()).orElseThrow();
        assertRefused(() -> arrived.cancelByCitizen(clock.instant()),
                "booking.transition.CANCEL_BY_CITIZEN", "booking.stands.ARRIVED");
        assertRefused(() -> arrived.moveTo(later, 1, clock.instant()), "booking.transition.MOVE", "booking.stands.ARRIVED");
        assertThat(status(booking)).isEqualTo(BookingStatus.ARRIVED);
        assertThat(calendar.ensureDay(point, later).booked()).isZero();
    }

    /**
     * The race of issue 55: the register's listener reads the booking still waiting, a clerk checks the citizen in
     * and commits (the counter read the register before the import's commit marked the resident gone), then the
     * listener writes. It used to cancel the check-in and give its place back.
     */
    @Test
    void a_check_in_committed_between_the_registers_read_and_its_write_stays_checked_in_with_its_place() {
        Booking booking = booked();
        int placesTaken = placesTaken();
        PopulationChanged changed = new PopulationChanged(0, List.of(Nik.of(booking.nik())), List.of());
        List<BookingStore.MarkedBooking> listenersRead = store.openOf(List.of(booking.nik()));
        assertThat(listenersRead).singleElement()
                .satisfies(read -> assertThat(read.booking().status()).isEqualTo(BookingStatus.BOOKED));

        onTheDay(LocalTime.of(9, 0));
        checkIn(booking);
        goneFromTheRegister(booking);
        try {
            transactions.executeWithoutResult(status -> residentsGone.settle(changed, listenersRead));

            assertThat(status(booking)).as("the check-in stands").isEqualTo(BookingStatus.ARRIVED);
            assertThat(placesTaken()).as("its place is not given back").isEqualTo(placesTaken);
            assertThat(audits("booking.cancelled", booking)).isZero();
            assertThat(audits("booking.resident-gone", booking)).as("marked for the counter").isOne();
            assertThat(store.openOf(List.of(booking.nik()))).singleElement()
                    .satisfies(marked -> assertThat(marked.residentGone()).isTrue());
            assertThat(mailsCancelledByRegister()).isZero();
        } finally {
            backInTheRegister(booking);
        }
    }

    /** The other order: the listener cancels first, and the clerk's check-in is then refused in words. */
    @Test
    void a_check_in_after_the_registers_cancellation_is_refused_in_words_and_the_place_goes_back_once() {
        Booking booking = booked();
        Booking readBeforeTheCancellation = store.byId(booking.id()).orElseThrow();
        int placesTaken = placesTaken();
        goneFromTheRegister(booking);
        try {
            PopulationChanged changed = new PopulationChanged(0, List.of(Nik.of(booking.nik())), List.of());
            transactions.executeWithoutResult(status ->
                    residentsGone.settle(changed, store.openOf(List.of(booking.nik()))));
            assertThat(status(booking)).isEqualTo(BookingStatus.CANCELLED);
            assertThat(placesTaken()).isEqualTo(placesTaken - 1);
            assertThat(mailsCancelledByRegister()).isOne();

            onTheDay(LocalTime.of(9, 0));
            assertRefused(() -> checkIn(booking), "booking.counter.closed.CANCELLED");
            // A check-in decided on a read from before the cancellation writes nothing over it.
            Booking.Change staleCheckIn = readBeforeTheCancellation.arrive(clock.instant());
            assertRefused(() -> transactions.executeWithoutResult(status -> store.changeOrRefuse(staleCheckIn)),
                    "booking.changed-meanwhile");
            // And the listener hearing of the same change again gives no place back twice.
            transactions.executeWithoutResult(status -> residentsGone.settle(changed, store.openOf(List.of(booking.nik()))));

            assertThat(status(booking)).isEqualTo(BookingStatus.CANCELLED);
            assertThat(placesTaken()).as("given back once").isEqualTo(placesTaken - 1);
            assertThat(audits("booking.cancelled", booking)).isOne();
        } finally {
            backInTheRegister(booking);
        }
    }

    /** A job decides again on a fresh read what it decided on a stale one: the day's closure meets a check-in, a print. */
    @Test
    void a_jobs_change_decided_on_a_stale_read_is_decided_again_on_what_the_booking_is_now() {
        Booking arrives = booked();
        Booking printed = booked();
        Booking staleArrives = store.byId(arrives.id()).orElseThrow();
        Booking stalePrinted = store.byId(printed.id()).orElseThrow();
        onTheDay(LocalTime.of(9, 0));
        checkIn(arrives);
        checkIn(printed);
        asClerk(() -> counter.printed(printed.code(), firstCardOrNot(printed)));

        assertThat(decidedAgain(staleArrives.cancelForClosedDay("Banjir", clock.instant())))
                .as("a closed day cancels a citizen at the counter too: decided again on the booking checked in")
                .hasValueSatisfying(change -> assertThat(change.from()).isEqualTo(BookingStatus.ARRIVED));
        assertThat(decidedAgain(stalePrinted.cancelForClosedDay("Banjir", clock.instant())))
                .as("a card printed meanwhile stays printed").isEmpty();

        assertThat(status(arrives)).isEqualTo(BookingStatus.CANCELLED);
        assertThat(status(printed)).isEqualTo(BookingStatus.PRINTED);
        assertThat(written(stalePrinted.markNoShow(clock.instant())))
                .as("a write on a stale read changes nothing").isFalse();
        assertThat(status(printed)).isEqualTo(BookingStatus.PRINTED);
    }

    /** A change about the booking's day (its closure, its no-shows) does not follow a booking moved meanwhile. */
    @Test
    void a_days_change_read_before_the_citizen_moved_the_booking_does_not_follow_it_to_its_new_day() {
        Booking booking = booked();
        Booking stale = store.byId(booking.id()).orElseThrow();
        LocalDate later = support.workingDayAfter(day);
        support.quota(point, later, 10);
        bookings.reschedule(citizen, booking.code(), later, support.newClientAddress());
        int takenLater = calendar.ensureDay(point, later).booked();
        int takenOnTheDay = placesTaken();

        assertThat(decidedAgain(stale.cancelForClosedDay("Banjir", clock.instant())))
                .as("the closed day's cancellation, decided on the booking as it was on that day").isEmpty();
        assertThat(decidedAgain(stale.markNoShow(clock.instant()))).as("that day's no-show").isEmpty();

        Booking now = store.byId(booking.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(now.day()).isEqualTo(later);
        assertThat(calendar.ensureDay(point, later).booked()).as("the new day's place kept").isEqualTo(takenLater);
        assertThat(placesTaken()).as("nothing given back on the day it left").isEqualTo(takenOnTheDay);
    }

    /** A job's write on what it read without a lock, in a transaction of its own. */
    private Optional<Booking.Change> decidedAgain(Booking.Change change) {
        return Objects.requireNonNull(transactions.execute(status -> store.changeOrDecideAgain(change)));
    }

    private boolean written(Booking.Change change) {
        return Boolean.TRUE.equals(transactions.execute(status -> store.change(change)));
    }

    private Booking booked() {
        String nik = support.printReadyNiks(1).getFirst();
        return bookings.book(citizen, support.request(nik, point, day), null, BookingJourney.none(),
                support.newClientAddress()).booking();
    }

    private void onTheDay(LocalTime time) {
        clock.setInstant(day.atTime(time).atZone(OFFICE).toInstant());
    }

    private <T> T asClerk(java.util.concurrent.Callable<T> work) {
        return SignedInAs.call(users, clerk, work);
    }

    private void checkIn(Booking booking) {
        asClerk(() -> counter.scan(booking.code()));
    }

    /** The reason the counter must choose: FIRST only for a person with no card yet. */
    private CardPrintReason firstCardOrNot(Booking booking) {
        return registry.cardHistory(Nik.of(booking.nik())).isEmpty() ? CardPrintReason.FIRST : CardPrintReason.DAMAGED;
    }

    /** What an import of SIAK's extract commits for a resident who died. */
    private void goneFromTheRegister(Booking booking) {
        jdbc.update("UPDATE population_resident SET gone_on = ?, gone_reason = 'DIED' WHERE nik = ?", day, booking.nik());
    }

    private void backInTheRegister(Booking booking) {
        jdbc.update("UPDATE population_resident SET gone_on = NULL, gone_reason = NULL WHERE nik = ?", booking.nik());
    }

    private BookingStatus status(Booking booking) {
        return store.byId(booking.id()).orElseThrow().status();
    }

    /** The places the day's counter row has given out: what a cancellation gives one back to. */
    private int placesTaken() {
        return jdbc.queryForObject("SELECT booked FROM booking_day WHERE service_point = ? AND day = ?", Integer.class,
                point, day);
    }

    private int audits(String action, Booking booking) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_id = ?",
                Integer.class, action, booking.code());
    }

    private int mailsCancelledByRegister() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE recipient = ? "
                + "AND template_key = 'booking-cancelled-register'", Integer.class, citizen.email());
    }

    private static void assertRefused(Runnable change, String... keys) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(RuleViolation.class,
                refused -> assertThat(refused.messageKeys()).containsExactly(keys));
    }
}
