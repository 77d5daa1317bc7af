package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, finding 14, on the public {@code /verify} page without signing in: a 300 MB chunked upload (no length
 * stated) next to an accepted 4 MB one, as the page's own upload target receives them from a real browser session.
 * The figure is what the whole JVM allocated while the request was taken (every thread), and the heap in use
 * after a collection: reading the body before the 5 MB check would show 300 MB in the first.
 */
@Benchmark
@PortalTest
class VerifyUploadBenchmark {

    private static final long HUGE = 300L * 1024 * 1024;
    private static final long ACCEPTED = 4L * 1024 * 1024;

    @LocalServerPort int port;

    @Test
    void a_300_mb_chunked_upload_to_the_public_verify_page_is_refused_without_reading_it() throws Exception {
        String target;
        String session;
        try (Browser browser = new Browser(port, 1440, 900)) {
            browser.open("verify");
            browser.await(By.cssSelector("vaadin-upload"));
            target = (String) browser.driver.executeScript("return document.querySelector('vaadin-upload').target");
            session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();

            Measured warmUp = upload(target, session, ACCEPTED, false);
            Measured accepted = upload(target, session, ACCEPTED, false);
            Measured huge = upload(target, session, HUGE, false);
            Measured hugeMultipart = upload(target, session, HUGE, true);

            System.out.printf("BENCHMARK verify upload: warm-up %d MB -> HTTP %d%n", ACCEPTED >> 20, warmUp.status());
            report(ACCEPTED + " bytes accepted, as the browser sends it (baseline)", accepted);
            report(HUGE + " bytes chunked, as the browser sends it", huge);
            report(HUGE + " bytes chunked, multipart/form-data", hugeMultipart);
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(huge.status()).isEqualTo(413);
            assertThat(hugeMultipart.status()).isEqualTo(413);
            assertThat(huge.allocated()).as("bytes allocated while refusing 300 MB").isLessThan(64L * 1024 * 1024);
            assertThat(hugeMultipart.allocated()).as("bytes allocated while refusing 300 MB").isLessThan(64L * 1024 * 1024);
        }
    }

    private static void report(String what, Measured measured) {
        System.out.printf("BENCHMARK verify upload: %s: HTTP %d, %.1f MB allocated by the JVM meanwhile, heap after GC "
                + "%+.1f MB, %.2f s, %d MB written before the answer%n", what, measured.status(), mb(measured.allocated()),
                mb(measured.heapGrowth()), measured.seconds(), measured.written() >> 20);
    }

    /**
     * One upload with a chunked body of {@code size} bytes, written while the answer is read: raw, as Vaadin 25's
     * upload component sends a file (its type as Content-Type, its name in X-Filename), or as multipart/form-data.
     */
    private Measured upload(String target, String session, long size, boolean multipart) throws Exception {
        System.gc();
        long heapBefore = heapUsed();
        long allocatedBefore = allocated();
        long start = System.nanoTime();
        String boundary = "----grens" + System.nanoTime();
        byte[] head = !multipart ? new byte[0] : ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"besar.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = !multipart ? new byte[0] : ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long[] written = new long[1];
        int status;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /" + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nCookie: JSESSIONID=" + session
                    + (multipart ? "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                            : "\r\nContent-Type: application/pdf\r\nX-Filename: besar.pdf")
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] block = new byte[64 * 1024];
                Arrays.fill(block, (byte) 'x');
                try {
                    if (head.length > 0) {
                        chunk(out, head);
                    }
                    for (long left = size; left > 0; left -= block.length) {
                        chunk(out, left >= block.length ? block : Arrays.copyOf(block, (int) left));
                        written[0] += Math.min(left, block.length);
                    }
                    if (tail.length > 0) {
                        chunk(out, tail);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByThePortal) {
                    // The portal stopped reading past the cap and closed the connection: expected for the big one.
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            status = Integer.parseInt(statusLine.split(" ")[1]);
            writer.get(120, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long allocatedDuring = allocated() - allocatedBefore;
        System.gc();
        return new Measured(status, allocatedDuring, heapUsed() - heapBefore, seconds, written[0]);
    }

    private static void chunk(OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    record Measured(int status, long allocated, long heapGrowth, double seconds, long written) {
    }
}
