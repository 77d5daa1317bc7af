package id.dukcapil.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 52 item 3, as the attacker tried it: request bodies sent one byte at a time, so that each holds one of the
 * portal's twelve request threads (decision 179). Fourteen of them once made every API call and {@code /login} time
 * out for 40 s.
 */
@PortalTest
class SlowBodyTests {

    /** A byte every this long: 500 bytes a second short of the pace (2 KB/s after 5 s). */
    private static final long EVERY_MILLIS = 1_000;

    @LocalServerPort int port;

    @Test
    void a_body_trickling_below_the_pace_is_answered_408_once_its_grace_is_spent_and_the_connection_closed() throws Exception {
        try (Trickle slow = Trickle.start(port, "/api/v1/bds/sessions", "application/json")) {
            long started = System.nanoTime();
            RawHttp.Answer answer = slow.answer();
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"code\":\"REQUEST_TIMEOUT\"", "terlalu lambat");
            assertThat(answer.headers()).containsEntry("connection", "close");
            // The grace (5 s), then the first byte that finds the pace missed.
            assertThat(millis).isBetween(4_500L, 8_000L);
            assertThat(slow.closedWithin(2_000)).as("the connection closed, the thread free").isTrue();
        }
    }

    @Test
    void a_sign_in_form_trickling_below_the_pace_is_answered_408_too() throws Exception {
        try (Trickle slow = Trickle.start(port, "/login", "application/x-www-form-urlencoded")) {
            long started = System.nanoTime();
            RawHttp.Answer answer = slow.answer();

            assertThat(answer.status()).isEqualTo(408);
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(4_500L, 8_000L);
        }
    }

    @Test
    void fourteen_slow_bodies_from_one_address_leave_the_portal_answering_everyone_else() throws Exception {
        List<Trickle> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 14; i++) {
                slow.add(Trickle.start(port, "/api/v1/bds/sessions", "application/json"));
            }
            // Four are received at their pace (each holds a thread until it fails it); the other ten are refused at
            // once, before anything of them is read.
            List<CompletableFuture<RawHttp.Answer>> answers = slow.stream().map(Trickle::answerLater).toList();
            // Until ten are refused (issue 50: the answers themselves, not a fixed wait), while the four trickle.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> refused(answers) >= 10);
            assertThat(refused(answers)).isEqualTo(10);
            assertThat(answers.stream().filter(CompletableFuture::isDone).findFirst().orElseThrow().join().body())
                    .contains("\"code\":\"TOO_MANY_REQUESTS\"");

            // Meanwhile the sign-in page and the API answer as ever.
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (String path : List.of("/login", "/api/v1/bds/service-points", "/readyz")) {
                long started = System.nanoTime();
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("SLOW BODIES: %s answered %d in %d ms while fourteen bodies trickled%n", path,
                        answer.statusCode(), millis);
                assertThat(answer.statusCode()).as(path).isLessThan(500);
                assertThat(millis).as(path + " answered in ms").isLessThan(2_000);
            }
            for (CompletableFuture<RawHttp.Answer> answer : answers) {
                assertThat(answer.get(15, TimeUnit.SECONDS).status()).isIn(408, 429);
            }
        } finally {
            for (Trickle trickle : slow) {
                trickle.close();
            }
        }
    }

    @Test
    void forty_ordinary_bodies_at_once_from_one_address_are_all_read() throws Exception {
        // A body arriving in one packet frees its address's place as soon as it is read: a burst from one address
        // (an office behind one NAT address, the booking benchmark's thousand threads) never meets the four places.
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/bds/sessions")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\": ")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).as("a malformed body, read and refused")
                    .isEqualTo(400);
        }
    }

    /** A POST whose headers say 200 bytes of body, then one byte every {@link #EVERY_MILLIS}. */
    private static final class Trickle implements AutoCloseable {

        private final Socket socket;
        private final Thread writer;

        private Trickle(Socket socket, Thread writer) {
            this.socket = socket;
            this.writer = writer;
        }

        static Trickle start(int port, String path, String contentType) throws IOException {
            Socket socket = new Socket("localhost", port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: 200\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        out.write('a');
                        out.flush();
                        Thread.sleep(EVERY_MILLIS);
                    }
                } catch (IOException | InterruptedException closed) {
                    // answered and closed by the portal, or by the test
                }
            });
            return new Trickle(socket, writer);
        }

        /** The answer's head and its body of the stated length, without waiting for the connection to close. */
        RawHttp.Answer answer() throws IOException {
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new java.io.EOFException("closed after " + head.toString(StandardCharsets.ISO_8859_1));
                }
                head.write(b);
            }
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                    .matcher(head.toString(StandardCharsets.ISO_8859_1));
            byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            return RawHttp.read(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head.toByteArray()),
                    new java.io.ByteArrayInputStream(body)));
        }

        /** Whether the portal closes the connection within {@code millis} of its answer. */
        boolean closedWithin(long millis) throws IOException {
            socket.setSoTimeout((int) millis);
            try {
                return socket.getInputStream().read() < 0;
            } catch (java.net.SocketTimeoutException open) {
                return false;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }

        CompletableFuture<RawHttp.Answer> answerLater() {
            CompletableFuture<RawHttp.Answer> answer = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    answer.complete(answer());
                } catch (IOException | RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
            return answer;
        }

        @Override
        public void close() throws IOException {
            writer.interrupt();
            socket.close();
        }
    }

    private static long refused(List<CompletableFuture<RawHttp.Answer>> answers) {
        return answers.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                .filter(answer -> answer.status() == 429).count();
    }
}
