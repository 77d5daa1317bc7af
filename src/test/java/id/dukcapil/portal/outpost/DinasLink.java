package id.dukcapil.portal.outpost;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between an outpost and the Dinas, on loopback: a TCP relay to the Dinas's port that the test cuts, as
 * a school without signal or a cut regional link does. Cut, the relay's port refuses every connection and the
 * connections through it end.
 */
final class DinasLink implements AutoCloseable {

    private final int dinasPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    DinasLink(int dinasPort) throws IOException {
        this.dinasPort = dinasPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = server.getLocalPort();
        Thread.ofVirtual().name("dinas-link").start(() -> accept(server));
    }

    /** The Dinas as the outpost reaches it: through this link. */
    URI dinas() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The link is down: connections through it end, new ones are refused. */
    void cut() {
        close();
    }

    /** The link is up again, on the same address. */
    void restore() throws IOException {
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
                Thread.ofVirtual().start(() -> pipe(outpost, dinas));
                Thread.ofVirtual().start(() -> pipe(dinas, outpost));
            } catch (IOException e) {
                return; // closed
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
