package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The day's quota holds whatever the concurrency: real threads, the real database. */
@PortalTest
class BookingConcurrencyTests {

    private static String point;

    @Autowired BookingService bookings;
    @Autowired BookingTestSupport support;
    @Autowired JdbcTemplate jdbc;

    /** A point of its own: no other class's bookings on its days. */
    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @Test
    void two_hundred_parallel_requests_for_a_day_with_quota_fifty_make_exactly_fifty_bookings() throws Exception {
        LocalDate day = support.workingDay(3);
        support.quota(point, day, 50);
        // A family's worth of people per account: twenty accounts.
        List<CitizenSession> citizens = java.util.stream.IntStream.range(0, 20).mapToObj(i -> support.citizen()).toList();
        List<String> niks = support.printReadyNiks(200);
        assertThat(niks).hasSize(200);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(200)) {
            for (int i = 0; i < 200; i++) {
                String nik = niks.get(i);
                String key = "burst-" + i;
                CitizenSession citizen = citizens.get(i % citizens.size());
                BookingRequest request = support.request(nik, point, day);
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        bookings.book(citizen, request, key, BookingJourney.none(), support.newClientAddress());
                        return "MADE";
                    } catch (BookingRefused refused) {
                        return refused.code().name();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            Map<String, Long> counts = results.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("MADE", 50L, "QUOTA_FULL", 150L));
        }

        Map<String, Object> counter = jdbc.queryForMap("SELECT quota, booked, issued FROM booking_day WHERE service_point = ? AND day = ?",
                point, day);
        assertThat(counter).containsEntry("quota", 50).containsEntry("booked", 50).containsEntry("issued", 50);
        List<Integer> numbers = jdbc.queryForList("SELECT queue_number FROM booking_booking WHERE service_point = ? AND day = ? ORDER BY queue_number",
                Integer.class, point, day);
        assertThat(numbers).hasSize(50).doesNotHaveDuplicates().startsWith(1).endsWith(50);
    }

    @Test
    void retries_racing_with_the_same_key_and_requests_racing_for_the_same_nik_make_one_booking_each()
            throws Exception {
        LocalDate day = support.workingDay(8);
        support.quota(point, day, 50);
        CitizenSession citizen = support.citizen();
        List<String> niks = support.printReadyNiks(2);
        String retried = niks.get(0);
        String twice = niks.get(1);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> retries = new ArrayList<>();
        List<Future<String>> rivals = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(40)) {
            for (int i = 0; i < 20; i++) {
                retries.add(threads.submit(() -> {
                    start.await();
                    BookingResult result = bookings.book(citizen, support.request(retried, point, day), "same-key",
                            BookingJourney.none(), support.newClientAddress());
                    return result.booking().code();
                }));
                String key = "rival-" + i;
                rivals.add(threads.submit(() -> {
                    start.await();
                    try {
                        return bookings.book(citizen, support.request(twice, point, day), key, BookingJourney.none(), support.newClientAddress())
                                .booking().code();
                    } catch (BookingRefused refused) {
                        return refused.code().name();
                    }
                }));
            }
            start.countDown();
            List<String> retryCodes = new ArrayList<>();
            for (Future<String> retry : retries) {
                retryCodes.add(retry.get());
            }
            List<String> rivalOutcomes = new ArrayList<>();
            for (Future<String> rival : rivals) {
                rivalOutcomes.add(rival.get());
            }
            assertThat(retryCodes).as("every retry answered with the one booking").hasSize(20).containsOnly(retryCodes.getFirst());
            assertThat(rivalOutcomes).as("one request for the NIK made it, the others were told it has a booking")
                    .filteredOn(outcome -> !outcome.equals("ACTIVE_BOOKING_EXISTS")).hasSize(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_booking WHERE nik IN (?, ?)", Integer.class,
                retried, twice)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT booked FROM booking_day WHERE service_point = ? AND day = ?",
                Integer.class, point, day)).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM booking_booking WHERE service_point = ? AND day = ? AND status = 'BOOKED'",
                Integer.class, point, day));
    }

    /**
     * A request waiting for its day's batch holds no thread (decision 116): the batches run on batch threads, so even
     * the request whose batch waits for the day's row returns from its submit at once, and so does one queued behind
     * it; each is booked when its own batch is done.
     */
    @Test
    void requests_return_from_submit_at_once_while_their_batch_waits_and_are_booked_when_it_is_done() throws Exception {
        LocalDate day = support.workingDay(13);
        support.quota(point, day, 50);
        List<String> niks = support.printReadyNiks(2);
        CitizenSession citizen = support.citizen();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (BookingTestSupport.HeldRow dayRow = support.holdDayRow(point, day)) {
            try {
                // Bounded: a submit that books its batch on the caller's thread would wait here for the row.
                CompletableFuture<BookingResult> first = caller.submit(() -> bookings.submit(citizen,
                        support.request(niks.get(0), point, day), null, BookingJourney.none(),
                        support.newClientAddress())).get(5, TimeUnit.SECONDS);
                awaitLockWait();
                CompletableFuture<BookingResult> queued = bookings.submit(citizen,
                        support.request(niks.get(1), point, day), null, BookingJourney.none(),
                        support.newClientAddress());
                assertThat(first).as("its batch waits for the day's row").isNotDone();
                assertThat(queued).as("queued behind that batch").isNotDone();

                dayRow.letGo();
                assertThat(first.get(10, TimeUnit.SECONDS).booking().queueNumber()).isEqualTo(1);
                assertThat(queued.get(10, TimeUnit.SECONDS).booking().queueNumber()).isEqualTo(2);
            } finally {
                caller.shutdownNow();
            }
        }
    }

    /** Until the first batch's locked read of the day's row is running: it waits for the row holder's lock. */
    private void awaitLockWait() throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() "
                + "AND INFO LIKE '%booking_day%FOR UPDATE%'", Integer.class) == 0) {
            assertThat(System.nanoTime()).as("the first batch waits for the day's row").isLessThan(giveUp);
            Thread.sleep(20);
        }
    }
}
