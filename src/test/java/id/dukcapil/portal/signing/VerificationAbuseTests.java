package id.dukcapil.portal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.RuleViolation;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 52 item 2, as the attacker tried it against the public check of an uploaded PDF: decompression bombs sent
 * together (two of 4.9 MB once ended in OutOfMemoryError and a 4 s stall for everyone), and one address checking file
 * after file (decision 183).
 */
@PortalTest
class VerificationAbuseTests {

    @Autowired PublicVerification verification;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;

    @Test
    void four_bombs_at_once_are_answered_in_seconds_and_the_sign_in_page_answers_meanwhile() throws Exception {
        // Nearly the upload limit: 4.9 MB that once inflated to 4.7 GB.
        byte[] bomb = BombPdf.pdf(4_800);
        assertThat(bomb.length).isLessThan(PublicVerification.MAX_UPLOAD_BYTES);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        login(http);
        long quietMillis = login(http);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();

        List<CompletableFuture<PdfSignatureCheck>> checks = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            String client = "198.51.100." + (10 + i);
            checks.add(CompletableFuture.supplyAsync(() -> verification.check(bomb, client), Thread::startVirtualThread));
        }
        // The first two are being read, the others wait for a place. The four take some 70 ms here: a poll descheduled
        // that long (two carriers busy reading, a collection) may miss the moment, so all four ended also ends the wait.
        awaitChecksRunning(2, CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)));
        long loginMillis = login(http);
        for (CompletableFuture<PdfSignatureCheck> check : checks) {
            assertThat(check.get(15, TimeUnit.SECONDS).verdict()).isEqualTo(PdfSignatureCheck.Verdict.NOT_SIGNED);
        }
        long allMillis = (System.nanoTime() - started) / 1_000_000;
        long heapGrowth = (memory.getHeapMemoryUsage().getUsed() - heapBefore) >> 20;

        System.out.printf("BOMBS: four %d KB bombs (4.7 GB inflated each) checked at once in %d ms; /login answered"
                + " in %d ms meanwhile (%d ms before); heap %+d MB%n", bomb.length >> 10, allMillis, loginMillis,
                quietMillis, heapGrowth);
        assertThat(loginMillis).as("/login answered in ms").isLessThan(quietMillis + 1_000);
        assertThat(allMillis).as("all four answered in ms").isLessThan(6_000);
        assertThat(heapGrowth).as("heap grown, MB (each bomb is 5 MB, each upload's copy with it)").isLessThan(256);
    }

    /** Waits (at most 10 s) until the node's gate says so many checks run (both places taken), or all have ended. */
    private void awaitChecksRunning(int running, CompletableFuture<Void> all) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (checks("running") != running && !all.isDone()) {
            assertThat(System.nanoTime()).as("%d checks running", running).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private int checks(String state) {
        return (int) meters.get("portal.verification.checks").tag("state", state).gauge().value();
    }

    /** The sign-in page's answer time, ms; 200 required. */
    private long login(HttpClient http) throws Exception {
        long started = System.nanoTime();
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(200);
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void one_address_is_refused_past_thirty_checks_in_ten_minutes_and_another_is_not() {
        byte[] unsigned = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".getBytes();
        String attacker = "203.0.113.77";
        for (int i = 0; i < PublicVerification.CHECKS_PER_CLIENT.events(); i++) {
            assertThat(verification.check(unsigned, attacker).verdict()).isEqualTo(PdfSignatureCheck.Verdict.NOT_SIGNED);
        }

        assertThatThrownBy(() -> verification.check(unsigned, attacker)).isInstanceOf(RuleViolation.class)
                .extracting(violation -> ((RuleViolation) violation).messageKeys()).asList()
                .containsExactly("signing.verify.throttled");
        assertThat(verification.check(unsigned, "203.0.113.78").verdict()).as("a neighbour's own count")
                .isEqualTo(PdfSignatureCheck.Verdict.NOT_SIGNED);
    }
}
