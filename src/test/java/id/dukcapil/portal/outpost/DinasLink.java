package id.dukcapil.portal.outpost;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between an outpost and the Dinas, on loopback: a TCP relay to the Dinas's port that the test cuts, as
 * a school without signal or a cut regional link does. Cut, the relay's port refuses every connection and the
 * connections through it end.
 */
public final class DinasLink implements AutoCloseable {

    private final int dinasPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean answersLost;

    public DinasLink(int dinasPort) throws IOException {
        this.dinasPort = dinasPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = server.getLocalPort();
        Thread.ofVirtual().name("dinas-link").start(() -> accept(server));
    }

    /** The Dinas as the outpost reaches it: through this link. */
    public URI dinas() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * From now on requests reach the Dinas but its answers never come back: the signal drops once the request is out,
     * the outpost's connection ends without an answer.
     */
    public void loseAnswers(boolean lose) {
        answersLost = lose;
    }

    /** The link is down: connections through it end, new ones are refused. */
    public void cut() {
        close();
    }

    /** The link is up again, on the same address. */
    public void restore() throws IOException {
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server = again;
        Thread.ofVirtual().name("dinas-link").start(() -> accept(again));
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket outpost = server.accept();
                Socket dinas = new Socket(InetAddress.getLoopbackAddress(), dinasPort);
                sockets.add(outpost);
                sockets.add(dinas);
                Thread.ofVirtual().start(() -> oneRequest(outpost, dinas));
                if (answersLost) {
                    Thread.ofVirtual().start(() -> swallow(dinas, outpost));
                } else {
                    Thread.ofVirtual().start(() -> pipe(dinas, outpost));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * The outpost's request passed on with {@code Connection: close}: one request a connection, so that whether its
     * answer is lost is decided when the connection is made.
     */
    private static void oneRequest(Socket outpost, Socket dinas) {
        try (InputStream in = outpost.getInputStream(); OutputStream out = dinas.getOutputStream()) {
            byte[] head = new byte[64 * 1024];
            int length = 0;
            int end = -1;
            while (end < 0 && length < head.length) {
                int read = in.read(head, length, head.length - length);
                if (read < 0) {
                    return;
                }
                length += read;
                end = new String(head, 0, length, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
            }
            if (end < 0) {
                return;
            }
            out.write(head, 0, end + 2);
            out.write("Connection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(head, end + 2, length - end - 2);
            out.flush();
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed: the other follows
        } finally {
            try {
                outpost.shutdownInput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** The Dinas's answer read and dropped; the outpost's connection closed as soon as the answer began. */
    private static void swallow(Socket dinas, Socket outpost) {
        try (InputStream in = dinas.getInputStream()) {
            if (in.read() >= 0) {
                outpost.close();
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            // closed
        } finally {
            try {
                dinas.close();
                outpost.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed: the other follows
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket socket : sockets) {
            sockets.remove(socket);
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
