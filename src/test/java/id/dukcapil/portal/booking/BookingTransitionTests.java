package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.booking.internal.BookingEntity;
import id.dukcapil.portal.booking.internal.BookingRepository;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.PopulationChanged;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A booking's state machine at work (decisions 173, 193): a change its state does not allow is refused in words and
 * changes nothing (no card, no place); a check-in and a cancellation queue on the booking's row, each decided on what
 * the other left; and a change decided on an older read is refused by the entity's version.
 * Each test has a service point of its own, with its own clerk, cards, day, citizen and residents.
 */
@PortalTest
class BookingTransitionTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @Autowired BookingService bookings;
    @Autowired CounterService counter;
    @Autowired QuotaCalendarService calendar;
    @Autowired PointCalendarSettings pointSettings;
    @Autowired ResidentsGoneFromRegistry residentsGone;
    @Autowired BookingRepository store;
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
        assertRefused(() -> entity(came).markNoShow(clock.instant()),
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
        assertRefused(() -> entity(printed).cancelForClosedDay("Banjir", clock.instant()),
                "booking.transition.CANCEL_FOR_CLOSED_DAY", "booking.stands.PRINTED");
    }

    @Test
    void a_cancelled_booking_is_not_checked_in() {
        Booking booking = booked();
        bookings.cancel(citizen, booking.code(), support.newClientAddress());
        onTheDay(LocalTime.of(9, 0));

        assertRefused(() -> checkIn(booking), "booking.counter.closed.CANCELLED");
        assertRefused(() -> entity(booking).arrive(clock.instant()),
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
        BookingEntity arrived = entity(booking);
        assertRefused(() -> arrived.cancelByCitizen(clock.instant()),
                "booking.transition.CANCEL_BY_CITIZEN", "booking.stands.ARRIVED");
        assertRefused(() -> arrived.moveTo(later, 1), "booking.transition.MOVE", "booking.stands.ARRIVED");
        assertThat(status(booking)).isEqualTo(BookingStatus.ARRIVED);
        assertThat(calendar.ensureDay(point, later).booked()).isZero();
    }

    /**
     * The race of issue 55, one order: the register's listener has read the booking (locked) and not yet committed when
     * the clerk scans the code. The check-in waits for the listener's commit and is then decided on the booking as
     * the listener left it: cancelled, refused in words; the place goes back once. It used to be the other way round:
     * the listener, reading without a lock, cancelled a check-in committed meanwhile.
     */
    @Test
    void a_check_in_while_the_register_cancels_waits_for_it_and_is_refused_in_words() throws Exception {
        Booking booking = booked();
        int placesTaken = placesTaken();
        goneFromTheRegister(booking);
        onTheDay(LocalTime.of(9, 0));
        PopulationChanged changed = new PopulationChanged(0, List.of(Nik.of(booking.nik())), List.of());
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            Future<?> listener = two.submit(() -> transactions.executeWithoutResult(status -> {
                residentsGone.settle(changed, store.lockedOpenOf(List.of(booking.nik())));
                read.countDown();
                await(commit);
            }));
            await(read);
            Future<?> clerksScan = two.submit(() -> checkIn(booking));
            awaitOneWaitingForABookingsRow();
            commit.countDown();
            listener.get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> clerksScan.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(RuleViolation.class, refused ->
                            assertThat(refused.messageKeys()).containsExactly("booking.counter.closed.CANCELLED"));
            assertThat(status(booking)).isEqualTo(BookingStatus.CANCELLED);
            assertThat(placesTaken()).as("given back once").isEqualTo(placesTaken - 1);
            assertThat(audits("booking.cancelled", booking)).isOne();
            assertThat(mailsCancelledByRegister()).isOne();
        } finally {
            backInTheRegister(booking);
        }
    }

    /**
     * The other order: the clerk's check-in holds the booking when the register's listener reads it. The listener
     * waits for the check-in's commit and then finds the citizen at the counter: the check-in stands with its place,
     * and the booking is marked for the counter (decision 099).
     */
    @Test
    void a_check_in_committed_while_the_register_waits_stays_checked_in_with_its_place() throws Exception {
        Booking booking = booked();
        int placesTaken = placesTaken();
        onTheDay(LocalTime.of(9, 0));
        PopulationChanged changed = new PopulationChanged(0, List.of(Nik.of(booking.nik())), List.of());
        CountDownLatch checkedIn = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            Future<?> clerksScan = two.submit(() -> transactions.executeWithoutResult(status -> {
                checkIn(booking);
                checkedIn.countDown();
                await(commit);
            }));
            await(checkedIn);
            // The import commits while the clerk has the citizen at the counter (the counter read the register before).
            goneFromTheRegister(booking);
            Future<?> listener = two.submit(() -> transactions.executeWithoutResult(status ->
                    residentsGone.settle(changed, store.lockedOpenOf(List.of(booking.nik())))));
            awaitOneWaitingForABookingsRow();
            commit.countDown();
            clerksScan.get(30, TimeUnit.SECONDS);
            listener.get(30, TimeUnit.SECONDS);

            assertThat(status(booking)).as("the check-in stands").isEqualTo(BookingStatus.ARRIVED);
            assertThat(placesTaken()).as("its place is not given back").isEqualTo(placesTaken);
            assertThat(audits("booking.cancelled", booking)).isZero();
            assertThat(audits("booking.resident-gone", booking)).as("marked for the counter").isOne();
            assertThat(entity(booking).residentGone()).isTrue();
            assertThat(mailsCancelledByRegister()).isZero();
        } finally {
            backInTheRegister(booking);
        }
    }

    /**
     * A change written over an older read of the booking is refused, never made over what happened since: the
     * entity's version. The listener hearing of the same change again gives no place back twice.
     */
    @Test
    void a_change_decided_on_an_older_read_is_refused_and_a_second_hearing_changes_nothing() {
        Booking booking = booked();
        BookingEntity readBeforeTheCancellation = entity(booking);
        int placesTaken = placesTaken();
        goneFromTheRegister(booking);
        try {
            PopulationChanged changed = new PopulationChanged(0, List.of(Nik.of(booking.nik())), List.of());
            transactions.executeWithoutResult(status ->
                    residentsGone.settle(changed, store.lockedOpenOf(List.of(booking.nik()))));
            assertThat(status(booking)).isEqualTo(BookingStatus.CANCELLED);

            readBeforeTheCancellation.arrive(clock.instant());
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> store.save(readBeforeTheCancellation)))
                    .isInstanceOf(OptimisticLockingFailureException.class);
            transactions.executeWithoutResult(status ->
                    residentsGone.settle(changed, store.lockedOpenOf(List.of(booking.nik()))));

            assertThat(status(booking)).isEqualTo(BookingStatus.CANCELLED);
            assertThat(placesTaken()).as("given back once").isEqualTo(placesTaken - 1);
            assertThat(audits("booking.cancelled", booking)).isOne();
        } finally {
            backInTheRegister(booking);
        }
    }

    /** A closed day cancels a citizen at the counter too, and leaves a printed card printed. */
    @Test
    void a_closed_day_cancels_a_citizen_at_the_counter_and_leaves_a_printed_card_printed() {
        Booking arrives = booked();
        Booking printed = booked();
        onTheDay(LocalTime.of(9, 0));
        checkIn(arrives);
        checkIn(printed);
        asClerk(() -> counter.printed(printed.code(), firstCardOrNot(printed)));

        assertThat(SignedInAs.call(users, "perencana", () -> calendar.closeDay(point, day, "Banjir"))).isOne();

        assertThat(status(arrives)).isEqualTo(BookingStatus.CANCELLED);
        assertThat(status(printed)).isEqualTo(BookingStatus.PRINTED);
    }

    /**
     * The cards a closed day's bookings held go back to the days after it: the recount that follows the cancellations
     * reads them written (the entities flushed before its SQL), not as they were.
     */
    @Test
    void a_closed_days_cards_go_back_to_the_days_after_it() {
        LocalDate next = support.workingDayAfter(day);
        SignedInAs.run(users, "perencana", () ->
                pointSettings.changeSettings(point, new PointSettings(40, 0)));
        booked();
        booked();
        assertThat(calendar.ensureDay(point, next).quota()).as("five cards, two promised to the day before").isEqualTo(3);

        assertThat(SignedInAs.call(users, "perencana", () -> calendar.closeDay(point, day, "Banjir"))).isEqualTo(2);

        assertThat(calendar.ensureDay(point, next).quota()).as("the closed day's two cards are free again").isEqualTo(5);
    }

    /** A change about a day (its closure) does not reach a booking the citizen moved away from it. */
    @Test
    void a_day_closed_after_the_citizen_moved_the_booking_does_not_follow_it_to_its_new_day() {
        Booking booking = booked();
        LocalDate later = support.workingDayAfter(day);
        support.quota(point, later, 10);
        bookings.reschedule(citizen, booking.code(), later, support.newClientAddress());
        int takenLater = calendar.ensureDay(point, later).booked();

        assertThat(SignedInAs.call(users, "perencana", () -> calendar.closeDay(point, day, "Banjir"))).isZero();

        Booking now = store.byId(booking.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(now.day()).isEqualTo(later);
        assertThat(calendar.ensureDay(point, later).booked()).as("the new day's place kept").isEqualTo(takenLater);
    }

    /**
     * Two clerks book the same resident at once (one booking way, issue 55): the second waits for the first's rows,
     * is told in words that the NIK has an open booking, and its place goes back with its rollback.
     */
    @Test
    void two_clerks_booking_one_resident_at_once_make_one_booking_and_the_second_is_told_in_words() throws Exception {
        String nik = support.printReadyNiks(1).getFirst();
        BookingRequest request = new BookingRequest(nik, point, day);
        UrgentReason reason = new UrgentReason(UrgentNeed.HEALTH, "Rawat inap RSUD Soreang");
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch firstCommits = new CountDownLatch(1);
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            Future<Booking> first = two.submit(() -> transactions.execute(status -> {
                Booking made = SignedInAs.call(users, clerk, () -> bookings.bookForResident(request, reason));
                firstWrote.countDown();
                await(firstCommits);
                return made;
            }));
            await(firstWrote);
            Future<Booking> second = two.submit(() -> SignedInAs.call(users, clerk,
                    () -> bookings.bookForResident(request, reason)));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                    SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()
                    AND (LOWER(INFO) LIKE '%update booking_day%' OR LOWER(INFO) LIKE '%insert into booking_booking%')""",
                    Integer.class) > 0);
            firstCommits.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS).nik()).isEqualTo(nik);
            assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(BookingRefused.class,
                            refused -> assertThat(refused.code()).isEqualTo(RefusalCode.ACTIVE_BOOKING_EXISTS));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_booking WHERE nik = ?", Integer.class, nik))
                .isEqualTo(1);
        assertThat(calendar.ensureDay(point, day).booked()).as("the second clerk's place given back").isEqualTo(1);
    }

    /**
     * Until another connection's locked read of a booking is running: it waits for the lock the other transaction holds
     * (the portal's own connections are listed to it without the PROCESS privilege).
     */
    private void awaitOneWaitingForABookingsRow() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()
                AND LOWER(INFO) LIKE '%from booking_booking%for update%'""", Integer.class) > 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The booking's entity as read now, outside any transaction: detached. */
    private BookingEntity entity(Booking booking) {
        return store.findById(booking.id()).orElseThrow();
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
