package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The day's quota holds whatever the concurrency: real threads, the real database. */
@PortalTest
class BookingConcurrencyTests {

    private static final String POINT = "UKL-320405";

    @Autowired BookingService bookings;
    @Autowired BookingTestSupport support;
    @Autowired JdbcTemplate jdbc;

    @Test
    void two_hundred_parallel_requests_for_a_day_with_quota_fifty_make_exactly_fifty_bookings() throws Exception {
        LocalDate day = support.workingDay(3);
        support.quota(POINT, day, 50);
        CitizenSession citizen = support.citizen();
        List<String> niks = support.printReadyNiks(200);
        assertThat(niks).hasSize(200);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(200)) {
            for (int i = 0; i < 200; i++) {
                String nik = niks.get(i);
                String key = "burst-" + i;
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        bookings.book(citizen, new BookingRequest(nik, POINT, day), key, BookingJourney.none());
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
                POINT, day);
        assertThat(counter).containsEntry("quota", 50).containsEntry("booked", 50).containsEntry("issued", 50);
        List<Integer> numbers = jdbc.queryForList("SELECT queue_number FROM booking_booking WHERE service_point = ? AND day = ? ORDER BY queue_number",
                Integer.class, POINT, day);
        assertThat(numbers).hasSize(50).doesNotHaveDuplicates().startsWith(1).endsWith(50);
    }
}
