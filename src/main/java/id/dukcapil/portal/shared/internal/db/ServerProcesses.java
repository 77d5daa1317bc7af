package id.dukcapil.portal.shared.internal.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB server processes of one data folder, found by their command line: a {@code mariadbd} (or
 * {@code mysqld}) started with {@code --datadir=} that folder. Two servers cannot share a folder, so such a process
 * is either the portal's own or one left behind by a portal that died (kill -9) — never another program's.
 */
final class ServerProcesses {

    private static final Logger log = LoggerFactory.getLogger(ServerProcesses.class);

    private ServerProcesses() {
    }

    static List<ProcessHandle> of(Path dataDir) {
        String argument = "--datadir=" + dataDir.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(process -> isServer(process) && Arrays.asList(process.info().arguments().orElse(new String[0]))
                        .contains(argument))
                .toList();
    }

    private static boolean isServer(ProcessHandle process) {
        String command = process.info().command().orElse("");
        return command.endsWith("/mariadbd") || command.endsWith("/mysqld");
    }

    /**
     * Stops the servers a crashed portal left on this folder: asked to shut down cleanly (SIGTERM, InnoDB flushes),
     * killed if they have not within {@code patience}. Without this the new server fails on the folder's locks
     * ("Can't lock aria control file") and the portal cannot start until someone kills the old one by hand.
     * Returns the stopped servers' process ids.
     */
    static List<Long> stopStale(Path dataDir, Duration patience) {
        List<Long> stopped = new java.util.ArrayList<>();
        for (ProcessHandle stale : of(dataDir)) {
            stopped.add(stale.pid());
            log.warn("A MariaDB server (pid {}) left behind by an earlier run still holds {}; stopping it",
                    stale.pid(), dataDir);
            stale.destroy();
            if (!exited(stale, patience)) {
                log.warn("The left-behind MariaDB server (pid {}) did not stop within {}; killing it", stale.pid(), patience);
                stale.destroyForcibly();
                if (!exited(stale, Duration.ofSeconds(30))) {
                    throw new IllegalStateException("The MariaDB server (pid " + stale.pid() + ") left behind on "
                            + dataDir + " could not be stopped; stop it, then start the portal again");
                }
            }
        }
        return stopped;
    }

    private static boolean exited(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
