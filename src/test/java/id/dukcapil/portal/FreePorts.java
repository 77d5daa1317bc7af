package id.dukcapil.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the servers the tests start, taken from below the kernel's range of ephemeral ports. A port is often
 * handed out well before its server binds it (the cluster suite's HAProxy binds after three Galera nodes have made
 * their copies and connections); a port from {@code new ServerSocket(0)} may meanwhile become the local port of any
 * outgoing connection on the machine, and the server then fails to start. A port below that range cannot.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final int END = ephemeralRangeStart();
    private static final int SPAN = END - LOWEST;
    /** Each JVM (the test fork, a benchmark's) starts at its own place, so that two rarely walk the same ports. */
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(Math.max(SPAN, 1)));

    private FreePorts() {
    }

    /** A port nothing listens on now, and no outgoing connection will take. */
    public static int next() {
        if (SPAN < 1_000) {
            return anyEphemeral();
        }
        for (int tried = 0; tried < SPAN; tried++) {
            int port = LOWEST + Math.floorMod(NEXT.getAndIncrement(), SPAN);
            try (ServerSocket probe = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // Someone listens there: the next one.
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + END);
    }

    /** Where the kernel's outgoing connections take their local ports; Linux's default where it cannot be read. */
    private static int ephemeralRangeStart() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }

    private static int anyEphemeral() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
