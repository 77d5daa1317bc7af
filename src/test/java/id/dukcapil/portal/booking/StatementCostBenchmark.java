package id.dukcapil.portal.booking;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.internal.BookingRepository;
import id.dukcapil.portal.booking.internal.DayStore;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the database spends on each read of a citizen's booking request, the reads called one after another on one
 * connection as the request's checks call them (decision 109), next to a statement that reads no table and to the
 * day's counter row read by its key. Per call: the database server's CPU and this JVM's (from /proc), and the time.
 * It says where {@link BookingBenchmark}'s burst spends the database's CPU that the database limit does not.
 */
@Benchmark
@PortalTest
class StatementCostBenchmark {

    private static final int CALLS = 5_000;
    private static final String POINT = "DINAS";

    @Autowired BookingTestSupport support;
    @Autowired PopulationRegistry registry;
    @Autowired BookingRepository bookings;
    @Autowired DayStore days;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void the_database_cpu_of_each_read_of_a_citizens_booking_request() {
        List<String> niks = support.printReadyNiks(2_000);
        List<String> kkNumbers = niks.stream().map(support::kkOf).toList();
        LocalDate day = support.workingDay(10);
        support.quota(POINT, day, 300);
        TransactionTemplate oneConnection = new TransactionTemplate(transactions);
        oneConnection.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        // Twice: the first pass also warms up what the second measures; both are printed.
        for (int pass = 1; pass <= 2; pass++) {
            int printed = pass;
            oneConnection.executeWithoutResult(status -> {
                measure(printed, "a statement that reads no table (SELECT 1)",
                        call -> jdbc.queryForObject("SELECT 1", Integer.class));
                measure(printed, "the day's counter row by its key", call -> days.counter(POINT, day));
                measure(printed, "a booking by its code (none has it)", call -> bookings.byCode("ABSENT" + call % 100));
                measure(printed, "the person: the resident of that NIK in that family card",
                        call -> registry.findMember(KkNumber.of(kkNumbers.get(call % kkNumbers.size())),
                                Nik.of(niks.get(call % niks.size()))));
                measure(printed, "the standing: what the booking tables know of the request", call -> {
                    String nik = niks.get(call % niks.size());
                    bookings.standing(1_000_000L + call % 100, nik, "citizen:" + call % 100, "key-" + call, POINT, day);
                });
            });
        }
    }

    private static void measure(int pass, String what, IntConsumer call) {
        BookingBenchmark.MachineCpu.Snapshot before = BookingBenchmark.MachineCpu.snapshot();
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            call.accept(i);
        }
        double micros = (System.nanoTime() - start) / 1e3 / CALLS;
        BookingBenchmark.MachineCpu cpu = before.since();
        System.out.printf("BENCHMARK statements: pass %d, %s: database %.0f µs of CPU per call, this JVM %.0f µs, "
                        + "%.0f µs per call (%,d calls)%n", pass, what, cpu.databaseSeconds() * 1e6 / CALLS,
                cpu.jvmSeconds() * 1e6 / CALLS, micros, CALLS);
    }
}
