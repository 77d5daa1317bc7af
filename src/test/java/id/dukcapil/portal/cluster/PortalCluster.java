package id.dukcapil.portal.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.packaged.BdsCitizens;
import id.dukcapil.portal.packaged.Database;
import id.dukcapil.portal.packaged.PortalProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.util.FileSystemUtils;

/**
 * The deployment of {@code deploy/cluster/} on one machine's loopback: three Galera nodes, HAProxy in front of them
 * and of two packaged portal nodes, and an SMTP sink in this JVM. Everything gets its own ports and folders under
 * target/; {@link #close} (and, should this JVM be stopped, a shutdown hook) ends every process it started.
 */
final class PortalCluster implements Database, AutoCloseable {

    static final String SUITE_USER = "suite";
    static final String SUITE_PASSWORD = "cluster-suite-secret";
    /** HAProxy's check account: its name is inside the check's packet in deploy/cluster/haproxy.cfg. */
    static final String CHECK_USER = "haproxy_check";
    /** The audit chain's and the IKD PIN's keys, the same on both nodes (docs/operations.md: from configuration). */
    static final byte[] CHAIN_KEY = "cluster-suite-audit-chain-key-32-bytes".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PIN_KEY = "cluster-suite-ikd-pin-key-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final String DB_PASSWORD = "cluster-suite-portal-secret";
    private static final Path DEPLOY = Path.of(System.getProperty("cluster.deploy", "deploy/cluster")).toAbsolutePath();

    final Path folder;
    final GreenMail mail;
    final List<GaleraNode> galera = new ArrayList<>();
    final Haproxy haproxy;
    final List<PortalProcess> portals = new ArrayList<>();
    private final Thread teardown = new Thread(this::stopAll, "cluster-teardown");
    private boolean failed = true;

    PortalCluster(String prefix, Haproxy.Writers writers, String... portalArguments) throws Exception {
        folder = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), prefix);
        Runtime.getRuntime().addShutdownHook(teardown);
        mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        for (int i = 1; i <= 3; i++) {
            galera.add(new GaleraNode("galera" + i, folder));
        }
        for (GaleraNode node : galera) {
            node.configure(DEPLOY.resolve("galera-node.cnf"), galera);
        }
        haproxy = new Haproxy(folder);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_URL", "jdbc:mariadb://127.0.0.1:" + haproxy.databasePort + "/dukcapil");
        env.put("DB_USER", "dukcapil");
        env.put("DB_PASSWORD", DB_PASSWORD);
        env.put("MAIL_HOST", "127.0.0.1");
        env.put("MAIL_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("MAIL_STARTTLS", "false");
        env.put("AUDIT_CHAIN_KEY", Base64.getEncoder().encodeToString(CHAIN_KEY));
        env.put("IKD_PIN_KEY", Base64.getEncoder().encodeToString(PIN_KEY));
        env.put("PORTAL_PUBLIC_URL", "http://127.0.0.1:" + haproxy.portalPort);
        // The folders every node shares (on loopback, one folder; in an office, a shared mount).
        env.put("AUDIT_ANCHORS_DIR", Files.createDirectories(folder.resolve("shared/anchors")).toString());
        env.put("POPULATION_IMPORT_DIR", Files.createDirectories(folder.resolve("shared/imports")).toString());
        // A listener cut off by a kill counts as failed after 30 s, not 10 minutes, so the suite sees it run again.
        env.put("EVENTS_STALE_AFTER", "PT30S");
        for (int i = 1; i <= 2; i++) {
            portals.add(new PortalProcess(folder.resolve("portal" + i), env, portalArguments));
        }
        haproxy.configure(DEPLOY.resolve("haproxy.cfg"), writers, galera, portals);
    }

    /**
     * The cluster as an operator brings it up: the first Galera node bootstraps with the accounts, the others join
     * with a full copy (mariabackup SST), HAProxy, then the portal nodes together.
     */
    PortalCluster start() throws Exception {
        galera.getFirst().bootstrap("""
                CREATE USER '%1$s'@'localhost' IDENTIFIED BY '%2$s';
                GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR, REPLICA MONITOR ON *.* TO '%1$s'@'localhost';
                CREATE USER '%3$s'@'127.0.0.1';
                CREATE USER '%4$s'@'127.0.0.1' IDENTIFIED BY '%5$s';
                GRANT ALL PRIVILEGES ON *.* TO '%4$s'@'127.0.0.1';
                CREATE DATABASE dukcapil CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
                CREATE USER 'dukcapil'@'127.0.0.1' IDENTIFIED BY '%6$s';
                GRANT ALL PRIVILEGES ON dukcapil.* TO 'dukcapil'@'127.0.0.1';
                """.formatted(GaleraNode.SST_USER, GaleraNode.SST_PASSWORD, CHECK_USER, SUITE_USER, SUITE_PASSWORD,
                DB_PASSWORD));
        // One joins after the other: two full copies asked of the one donor at once failed the donor's mariadb-backup
        // once (2026-11-28, "xtrabackup_checkpoints missing"), and that joiner stopped.
        galera.get(1).start();
        galera.get(1).awaitSynced();
        galera.get(2).start();
        galera.get(2).awaitSynced();
        haproxy.start();
        // Every portal node at once on the empty database: one makes the schema and the data a first start makes,
        // the others wait for it and find it made (issue 40; decisions 120 and 132).
        List<CompletableFuture<Long>> starts = portals.stream().map(portal -> CompletableFuture.supplyAsync(() -> {
            try {
                return portal.start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        })).toList();
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        awaitEntrance();
        recordJobRuns();
        return this;
    }

    /**
     * Until HAProxy sends both of its backends' requests to a node: a node ready on its own port is taken in only
     * after two checks a second apart, and a request meanwhile is answered 503 "No server is available" (the suite's
     * first burst met that once, 2026-11-27).
     */
    private void awaitEntrance() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (String path : List.of("readyz", "api/v1/bds/service-points")) {
            HttpRequest request = HttpRequest.newBuilder(entrance().resolve(path)).timeout(Duration.ofSeconds(5)).build();
            while (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("HAProxy sends no request of /" + path + " to a ready node");
                }
                Thread.sleep(200);
            }
        }
    }

    /** The suite's account through HAProxy: the node the portal writes to. */
    @Override
    public Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + haproxy.databasePort
                + "/dukcapil?connectTimeout=2000&socketTimeout=30000", SUITE_USER, SUITE_PASSWORD);
    }

    /** Citizens with the BDS app, their requests to these entrances in turn. */
    BdsCitizens citizens(List<URI> entrances) {
        return new BdsCitizens(this, mail, entrances);
    }

    URI entrance() {
        return URI.create("http://127.0.0.1:" + haproxy.portalPort + "/");
    }

    /** The Galera node HAProxy sends the writes to now. */
    GaleraNode writer() throws SQLException {
        try (Connection db = database(); Statement statement = db.createStatement();
             ResultSet node = statement.executeQuery("SELECT @@wsrep_node_name")) {
            node.next();
            String name = node.getString(1);
            return galera.stream().filter(candidate -> candidate.name.equals(name)).findFirst().orElseThrow();
        }
    }

    /**
     * Every run of a ShedLock job, wherever it ran: a trigger copies each new lock (its name, when it was taken and
     * by whom) into a table of the suite's own, outside the portal's schema.
     */
    private void recordJobRuns() throws SQLException {
        try (Connection db = database(); Statement statement = db.createStatement()) {
            statement.execute("CREATE DATABASE cluster_suite");
            statement.execute("CREATE TABLE cluster_suite.job_run (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "name VARCHAR(64) NOT NULL, locked_at DATETIME(3) NOT NULL, locked_by VARCHAR(255) NOT NULL)");
            statement.execute("CREATE TRIGGER cluster_suite_job_taken AFTER UPDATE ON shedlock FOR EACH ROW "
                    + "IF NEW.locked_at <> OLD.locked_at THEN INSERT INTO cluster_suite.job_run (name, locked_at, locked_by) "
                    + "VALUES (NEW.name, NEW.locked_at, NEW.locked_by); END IF");
            statement.execute("CREATE TRIGGER cluster_suite_job_first AFTER INSERT ON shedlock FOR EACH ROW "
                    + "INSERT INTO cluster_suite.job_run (name, locked_at, locked_by) "
                    + "VALUES (NEW.name, NEW.locked_at, NEW.locked_by)");
        }
    }

    /** The runs recorded so far: each job's lock times, in order. */
    Map<String, List<java.time.LocalDateTime>> jobRuns() throws SQLException {
        Map<String, List<java.time.LocalDateTime>> runs = new HashMap<>();
        try (Connection db = database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, locked_at FROM cluster_suite.job_run ORDER BY locked_at, id")) {
            while (rows.next()) {
                runs.computeIfAbsent(rows.getString(1), name -> new ArrayList<>())
                        .add(rows.getObject(2, java.time.LocalDateTime.class));
            }
        }
        return runs;
    }

    /** CPU seconds so far of each process of the cluster, by name, and of this JVM (the clients). */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (int i = 0; i < portals.size(); i++) {
            seconds.put("portal" + (i + 1), portals.get(i).jvm().map(PortalCluster::cpu).orElse(0.0));
        }
        for (GaleraNode node : galera) {
            seconds.put(node.name, node.alive() ? cpu(node.handle()) : 0.0);
        }
        seconds.put("haproxy", cpu(haproxy.handle()));
        seconds.put("clients", cpu(ProcessHandle.current()));
        return seconds;
    }

    static double cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(duration -> duration.toMillis() / 1000.0).orElse(0.0);
    }

    /** Whether the suite passed: the folder (logs, data) is kept when it did not. */
    void passed() {
        failed = false;
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(teardown);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran
        }
        if (!failed) {
            FileSystemUtils.deleteRecursively(folder.toFile());
        } else {
            System.out.println("CLUSTER: logs and data kept in " + folder);
        }
    }

    private synchronized void stopAll() {
        for (PortalProcess portal : portals) {
            quietly(portal::stop);
        }
        quietly(haproxy::stop);
        for (GaleraNode node : galera.reversed()) {
            quietly(node::stop);
        }
        quietly(mail::stop);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            System.out.println("CLUSTER: teardown: " + e);
        }
    }
}
