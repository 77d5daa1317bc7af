package id.dukcapil.portal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.packaged.BdsCitizens;
import id.dukcapil.portal.packaged.Database;
import id.dukcapil.portal.packaged.PortalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 40's figures: the same booking burst (400 requests for a day of 300 places, from the BDS app over HTTP) on one
 * portal node with its one MariaDB (the embedded server, as an office runs today), then through HAProxy on two portal
 * nodes and the three-node Galera cluster of the cluster suite, written through one node (the office's configuration)
 * and through all three in turn (decision 123); the CPU seconds of every process during each. Then failover: kill -9
 * of the writing Galera node, and of a portal node, each in a burst, to the first booking made after it.
 * {@code ./mvnw -Pproduction,benchmark verify -Dit.test=ClusterBenchmark}
 */
@Benchmark
class ClusterBenchmark {

    private static final String POINT = "UKL-320415";
    private static final int PLACES = 300;

    @Test
    void the_booking_burst_on_the_cluster_beside_one_node_and_the_seconds_of_failover() throws Exception {
        Figures single = singleNode();

        try (PortalCluster cluster = new PortalCluster("cluster-benchmark-", Haproxy.Writers.ONE)) {
            long started = System.nanoTime();
            cluster.start();
            System.out.printf("BENCHMARK cluster: three Galera nodes, HAProxy, two portal nodes ready in %.0f s%n",
                    (System.nanoTime() - started) / 1e9);
            BdsCitizens citizens = cluster.citizens(List.of(cluster.entrance()));
            List<Database> servers = cluster.galera.stream().map(node -> (Database) node::connect).toList();
            Figures oneWriter = measured("two nodes, one Galera writer", cluster, servers, citizens, 5,
                    cluster::cpuSeconds);

            restartHaproxy(cluster, Haproxy.Writers.ALL);
            Figures allWriters = measured("two nodes, all three Galera nodes writing", cluster, servers, citizens, 6,
                    cluster::cpuSeconds);
            restartHaproxy(cluster, Haproxy.Writers.ONE);

            System.out.printf("BENCHMARK cluster: the burst on the cluster (one writer) takes %.2f× the time of one node "
                    + "on one MariaDB; all writers %.2f×%n", oneWriter.seconds / single.seconds,
                    allWriters.seconds / single.seconds);

            // Failover: the writing Galera node killed a third of the way into a burst; then a portal node.
            BdsCitizens.Burst burst = prepared(cluster, citizens, 7).start();
            burst.awaitBooked(PLACES / 3);
            GaleraNode writer = cluster.writer();
            writer.kill();
            long killed = System.nanoTime();
            burst.finish(Duration.ofMinutes(3));
            System.out.printf("BENCHMARK cluster failover: kill -9 of the writing Galera node %s: first booking after "
                            + "it %.1f s later (goal 10 s); clients saw errors for %.1f s (%d tries 5xx or nothing)%n",
                    writer.name, burst.secondsToFirstBookingAfter(killed), burst.errorSeconds(), burst.failedTries());
            long restarted = System.nanoTime();
            writer.restartAfterCrash();
            writer.awaitSynced();
            System.out.printf("BENCHMARK cluster failover: %s rejoined (IST) %.1f s after its restart%n", writer.name,
                    (System.nanoTime() - restarted) / 1e9);

            burst = prepared(cluster, citizens, 8).start();
            burst.awaitBooked(PLACES / 3);
            cluster.portals.getFirst().killJvm();
            killed = System.nanoTime();
            burst.finish(Duration.ofMinutes(3));
            System.out.printf("BENCHMARK cluster failover: kill -9 of portal node 1: first booking through HAProxy "
                            + "%.1f s later (goal 5 s); clients saw errors for %.1f s (%d tries 5xx or nothing)%n",
                    burst.secondsToFirstBookingAfter(killed), burst.errorSeconds(), burst.failedTries());
            cluster.passed();
        }
    }

    /** The baseline: one portal node on its embedded MariaDB, the same burst. */
    private static Figures singleNode() throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "single-node-");
        GreenMail mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        PortalProcess portal = new PortalProcess(folder, Map.of("MAIL_HOST", "127.0.0.1",
                "MAIL_PORT", Integer.toString(mail.getSmtp().getPort()), "MAIL_STARTTLS", "false"));
        try {
            portal.start();
            BdsCitizens citizens = new BdsCitizens(portal, mail, List.of(portal.url("/")));
            return measured("one node on one MariaDB", portal, List.of(portal), citizens, 5, () -> {
                Map<String, Double> seconds = new LinkedHashMap<>();
                seconds.put("portal", portal.jvm().map(PortalCluster::cpu).orElse(0.0));
                seconds.put("mariadb", portal.mysqld().map(PortalCluster::cpu).orElse(0.0));
                seconds.put("clients", PortalCluster.cpu(ProcessHandle.current()));
                return seconds;
            });
        } finally {
            portal.stop();
            mail.stop();
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    private record Figures(double seconds) {
    }

    private static Figures measured(String what, Database database, List<Database> servers, BdsCitizens citizens,
                                    int ahead, Supplier<Map<String, Double>> cpu) throws Exception {
        BdsCitizens.Burst burst = prepared(database, citizens, ahead);
        Map<String, Long> conflictsBefore = conflicts(servers);
        Map<String, Double> before = cpu.get();
        long started = System.nanoTime();
        burst.start().finish(Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> after = cpu.get();
        Map<String, String> spent = new LinkedHashMap<>();
        after.forEach((process, total) -> spent.put(process, "%.1f s".formatted(total - before.getOrDefault(process, 0.0))));
        Map<String, Long> conflicts = conflicts(servers);
        conflicts.replaceAll((name, count) -> count - conflictsBefore.getOrDefault(name, 0L));
        assertThat(burst.booked.get()).as("the day filled").isEqualTo(PLACES);
        System.out.printf("BENCHMARK cluster: %s: %d requests for %d places in %.2f s (%.0f requests/s), %d tries answered "
                        + "503 or nothing; CPU %s; the database servers' conflict counters %s%n", what, PLACES + PLACES / 3, PLACES,
                seconds, (PLACES + PLACES / 3) / seconds, burst.failedTries(), spent, conflicts);
        burst.assertTheRulesHeld(0);
        return new Figures(seconds);
    }

    /** A burst for a working day {@code ahead} days on, its quota set to 300 as a planner's override would. */
    private static BdsCitizens.Burst prepared(Database database, BdsCitizens citizens, int ahead) throws Exception {
        LocalDate day = BdsCitizens.workingDay(ahead);
        try (Connection db = database.database(); PreparedStatement quota = db.prepareStatement("""
                INSERT INTO booking_day (service_point, day, quota, quota_override, reserve, booked, issued, closed)
                VALUES (?, ?, ?, ?, 0, 0, 0, FALSE) ON DUPLICATE KEY UPDATE quota = VALUES(quota),
                quota_override = VALUES(quota_override), reserve = 0""")) {
            quota.setString(1, POINT);
            quota.setObject(2, day);
            quota.setInt(3, PLACES);
            quota.setInt(4, PLACES);
            quota.executeUpdate();
        }
        BdsCitizens.Burst burst = citizens.burst(POINT, day);
        assertThat(burst.places).isEqualTo(PLACES);
        return burst;
    }

    /**
     * Transactions aborted for another's writes, summed over the servers: deadlocks, and Galera's certification
     * failures and brute-force aborts (a local transaction rolled back for a replicated one).
     */
    private static Map<String, Long> conflicts(List<Database> servers) throws Exception {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (Database server : servers) {
            try (Connection db = server.database(); Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                         + "('wsrep_local_cert_failures', 'wsrep_local_bf_aborts', 'Innodb_deadlocks')")) {
                while (rows.next()) {
                    counters.merge(rows.getString(1), rows.getLong(2), Long::sum);
                }
            }
        }
        return counters;
    }

    private static void restartHaproxy(PortalCluster cluster, Haproxy.Writers writers) throws Exception {
        cluster.haproxy.stop();
        cluster.haproxy.configure(Path.of(System.getProperty("cluster.deploy", "deploy/cluster")).toAbsolutePath()
                .resolve("haproxy.cfg"), writers, cluster.galera, cluster.portals);
        cluster.haproxy.start();
        for (PortalProcess portal : cluster.portals) {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (portal.status("/readyz") != 200) {
                assertThat(System.nanoTime()).as("the portal ready again").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }
}
