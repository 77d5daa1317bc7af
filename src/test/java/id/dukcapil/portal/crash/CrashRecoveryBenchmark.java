package id.dukcapil.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.packaged.PortalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 12's recovery figures on the packaged jar: ten restarts after {@code kill -9} of the portal's JVM, each
 * without a hand, and the time each takes to be ready; then the embedded database killed under a portal that
 * keeps running: how soon the API answers 503, and how soon it serves again once the database is back (the
 * watchdog starts it again). Baseline in the same run: an orderly restart (SIGTERM) of the same folder.
 */
@Benchmark
class CrashRecoveryBenchmark {

    private static final int KILLS = 10;
    private static final String SERVING = "/api/v1/bds/service-points";

    @Test
    void restarts_after_kill_9_and_serves_again_after_the_database_is_killed() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-benchmark-");
        PortalProcess portal = new PortalProcess(folder, Map.of());
        try {
            long first = portal.start();
            portal.stop();
            long orderly = portal.start();

            List<Long> afterKill = new ArrayList<>();
            for (int kill = 0; kill < KILLS; kill++) {
                assertThat(portal.status(SERVING)).isEqualTo(200);
                portal.killJvm();
                assertThat(portal.mysqld()).as("the killed portal's database server lives on").isPresent();
                afterKill.add(portal.start());
            }

            ProcessHandle database = portal.mysqld().orElseThrow();
            int databasePort = portal.databasePort();
            database.destroyForcibly();
            long killed = System.nanoTime();
            database.onExit().get(30, TimeUnit.SECONDS);
            int status;
            do {
                status = portal.status(SERVING);
            } while (status == 200 && System.nanoTime() - killed < 30_000_000_000L);
            long first503 = (System.nanoTime() - killed) / 1_000_000;
            assertThat(status).as("the answer while the database is away").isEqualTo(503);
            while (!portal.databaseAcceptsConnections(databasePort)) {
                assertThat(System.nanoTime() - killed).as("the watchdog starts the database again").isLessThan(180_000_000_000L);
                Thread.sleep(20);
            }
            long returned = System.nanoTime();
            while (portal.status(SERVING) != 200) {
                assertThat(System.nanoTime() - returned).as("serving again").isLessThan(60_000_000_000L);
                Thread.sleep(50);
            }
            long servingAgain = (System.nanoTime() - returned) / 1_000_000;
            long databaseAway = (returned - killed) / 1_000_000;

            System.out.printf("BENCHMARK crash-recovery first-start=%d ms orderly-restart=%d ms; after kill -9 of the JVM: "
                            + "%d of %d ready without a hand, to ready %s ms (min %d, median %d, max %d); database killed: "
                            + "first 503 after %d ms, database back after %d ms, serving again %d ms after it returned%n",
                    first, orderly, afterKill.size(), KILLS, afterKill, min(afterKill), median(afterKill), max(afterKill),
                    first503, databaseAway, servingAgain);
            assertThat(afterKill).hasSize(KILLS);
            assertThat(first503).as("first 503 within 5 s").isLessThanOrEqualTo(5_000);
            assertThat(servingAgain).as("serving within 15 s of the database's return").isLessThanOrEqualTo(15_000);
        } finally {
            portal.stop();
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
