package id.dukcapil.portal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.FreePorts;
import java.io.IOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of a MariaDB Galera cluster on loopback, run from Debian's own binaries with the configuration an office
 * copies ({@code deploy/cluster/galera-node.cnf}), with ports and a data folder of its own.
 */
final class GaleraNode {

    static final String SST_USER = "sst";
    static final String SST_PASSWORD = "cluster-suite-sst-secret";
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final Pattern RECOVERED = Pattern.compile("WSREP: Recovered position: (\\S+)");

    final String name;
    final int mysqlPort;
    final int galeraPort;
    private final int istPort;
    private final int sstPort;
    private final Path datadir;
    private final Path config;
    private final Path console;
    private Process process;
    private int starts;

    GaleraNode(String name, Path folder) throws IOException {
        this.name = name;
        this.mysqlPort = FreePorts.next();
        this.galeraPort = FreePorts.next();
        this.istPort = FreePorts.next();
        this.sstPort = FreePorts.next();
        this.datadir = Files.createDirectories(folder.resolve(name));
        this.config = folder.resolve(name + ".cnf");
        this.console = folder.resolve(name + ".console.log");
    }

    /** The office's template with this node's values: what {@code envsubst} would make of it. */
    void configure(Path template, List<GaleraNode> cluster) throws IOException {
        String addresses = String.join(",", cluster.stream().map(node -> "127.0.0.1:" + node.galeraPort).toList());
        Map<String, String> values = new HashMap<>(Map.of("DATADIR", datadir.toString(), "ADDRESS", "127.0.0.1",
                "MYSQL_PORT", Integer.toString(mysqlPort), "GALERA_PORT", Integer.toString(galeraPort),
                "IST_PORT", Integer.toString(istPort), "SST_PORT", Integer.toString(sstPort), "NODE_NAME", name,
                "CLUSTER_ADDRESSES", addresses));
        values.putAll(Map.of("SST_USER", SST_USER, "SST_PASSWORD", SST_PASSWORD, "BUFFER_POOL", "256M"));
        Files.writeString(config, Templates.fill(Files.readString(template), values));
    }

    /** The first node: system tables, a new cluster, and the accounts the others copy with it. */
    void bootstrap(String setupSql) throws Exception {
        run(List.of("mariadb-install-db", "--defaults-file=" + config, "--auth-root-authentication-method=normal",
                "--skip-test-db"), folderFile("install.log"));
        start("--wsrep-new-cluster");
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            Process client = new ProcessBuilder("mariadb", "--no-defaults", "--protocol=socket",
                    "--socket=" + datadir.resolve("mysqld.sock"), "-uroot", "-e", setupSql)
                    .redirectErrorStream(true).redirectOutput(folderFile("setup.log").toFile()).start();
            if (client.waitFor(60, TimeUnit.SECONDS) && client.exitValue() == 0) {
                break;
            }
            assertThat(process.isAlive()).as("%s runs; see %s", name, errorLog()).isTrue();
            assertThat(System.nanoTime()).as("%s accepts the setup; see %s", name, folderFile("setup.log"))
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        awaitSynced();
    }

    /**
     * Starts the server (a joining node with an empty folder takes a full copy, SST; one that was in the cluster
     * takes what it missed, IST). {@code extra}: arguments after the configuration.
     */
    void start(String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of("mariadbd", "--defaults-file=" + config));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root"); // the server refuses root unless told; the data folder is root's
        }
        command.addAll(List.of(extra));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile())).start();
        starts++;
    }

    /**
     * After a crash, as Debian's service does it (galera_recovery before the start): the last committed write read
     * from InnoDB, so that the node asks the cluster for what came after it (IST) instead of a full copy.
     */
    void restartAfterCrash() throws Exception {
        Path recovery = folderFile("recover-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of("mariadbd", "--defaults-file=" + config));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        command.addAll(List.of("--wsrep-recover", "--log-error=" + recovery));
        run(command, folderFile("recover-console.log"));
        Matcher position = RECOVERED.matcher(Files.readString(recovery));
        assertThat(position.find()).as("the position %s recovered; see %s", name, recovery).isTrue();
        start("--wsrep-start-position=" + position.group(1));
    }

    /** kill -9 of the server: no shutdown, no goodbye to the cluster. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * Cuts the node off from the others, or lets it back ({@code gmcast.isolate}): its group communication drops every
     * link, the others go on as the primary component without it, and it stays up, non-primary, answering
     * handshakes and refusing queries, as a node behind a broken switch does.
     */
    void isolate(boolean cutOff) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET GLOBAL wsrep_provider_options = 'gmcast.isolate=" + (cutOff ? 1 : 0) + "'");
        }
    }

    /** An orderly stop, then whatever it started (an SST's streamer) and itself, if they linger. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Synced: a member of the primary component, with every write applied, ready for clients. */
    void awaitSynced() throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!synced()) {
            assertThat(process.isAlive()).as("%s runs; see %s", name, errorLog()).isTrue();
            assertThat(System.nanoTime()).as("%s synced; see %s", name, errorLog()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    boolean synced() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet status = statement.executeQuery("SHOW STATUS WHERE Variable_name IN "
                     + "('wsrep_local_state_comment', 'wsrep_ready', 'wsrep_cluster_status')")) {
            int good = 0;
            while (status.next()) {
                if (List.of("Synced", "ON", "Primary").contains(status.getString(2))) {
                    good++;
                }
            }
            return good == 3;
        } catch (SQLException notYet) {
            return false;
        }
    }

    /** The suite's own account, straight to this node (not through HAProxy). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + mysqlPort + "/?connectTimeout=1000&socketTimeout=5000",
                PortalCluster.SUITE_USER, PortalCluster.SUITE_PASSWORD);
    }

    Path errorLog() {
        return datadir.resolve("mysqld.err");
    }

    /** The error log from {@code offset} on: what the node said since then. */
    String errorLogSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(errorLog());
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    long errorLogLength() throws IOException {
        return Files.size(errorLog());
    }

    private Path folderFile(String file) {
        return datadir.resolveSibling(name + "-" + file);
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        assertThat(run.exitValue()).as("%s; see %s", String.join(" ", command), log).isZero();
    }
}
