package id.dukcapil.portal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.packaged.PortalProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Debian's HAProxy with the office's configuration ({@code deploy/cluster/haproxy.cfg}), on loopback. */
final class Haproxy {

    /** How the portal reaches the Galera cluster (decision 123). */
    enum Writers {
        /** The office's configuration: one node takes the writes, the others wait as backups. */
        ONE,
        /**
         * Measured beside it: every node takes writes in turn (no backups, no stick table), so that two portal
         * nodes' transactions meet only at certification.
         */
        ALL;

        String apply(String config) {
            if (this == ONE) {
                return config;
            }
            return config.lines().filter(line -> !line.trim().startsWith("stick"))
                    .map(line -> line.endsWith(" backup") ? line.substring(0, line.length() - " backup".length()) : line)
                    .map(line -> line.trim().equals("mode tcp") ? line + "\n    balance roundrobin" : line)
                    .collect(Collectors.joining("\n", "", "\n"));
        }
    }

    final int portalPort;
    final int databasePort;
    private final Path config;
    private final Path log;
    private Process process;

    Haproxy(Path folder) throws IOException {
        this.portalPort = FreePorts.next();
        this.databasePort = FreePorts.next();
        this.config = folder.resolve("haproxy.cfg");
        this.log = folder.resolve("haproxy.log");
    }

    void configure(Path template, Writers writers, List<GaleraNode> galera, List<PortalProcess> portals)
            throws IOException {
        Files.writeString(config, writers.apply(Templates.fill(Files.readString(template), Map.of("ADDRESS", "127.0.0.1",
                "PORTAL_PORT", Integer.toString(portalPort), "DB_PORT", Integer.toString(databasePort),
                "PORTAL1", "127.0.0.1:" + portals.get(0).url("/").getPort(),
                "PORTAL2", "127.0.0.1:" + portals.get(1).url("/").getPort(),
                "GALERA1", "127.0.0.1:" + galera.get(0).mysqlPort, "GALERA2", "127.0.0.1:" + galera.get(1).mysqlPort,
                "GALERA3", "127.0.0.1:" + galera.get(2).mysqlPort))));
    }

    void start() throws Exception {
        Process check = new ProcessBuilder("haproxy", "-c", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0).as(this::said).isTrue();
        // -db: in the foreground, so that it is this process and ends with it.
        process = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!listens(portalPort) || !listens(databasePort)) {
            assertThat(process.isAlive()).as(this::said).isTrue();
            assertThat(System.nanoTime()).as("haproxy listens").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** What HAProxy said, for a failure's message: CI keeps the test's output, not its folder. */
    private String said() {
        try {
            return "haproxy (" + log + ") said:\n" + Files.readString(log);
        } catch (IOException e) {
            return "haproxy; its log " + log + " is unreadable: " + e;
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
