package id.dukcapil.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.browser.Browser;
import id.dukcapil.portal.packaged.AuditChainCheck;
import id.dukcapil.portal.packaged.PortalProcess;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.signing.bsre.BsrePeer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 12's crash suite, SOP B step 8: the Kepala Dinas signs a batch of 300 family cards in a real browser and a
 * third of the way through the portal's JVM ({@code kill -9}, then it is started again) or its database server (the
 * watchdog starts it again) is killed; the Kepala Dinas then resumes what is left. Then: every card is signed
 * exactly once (one signature, one stored PDF, one successful signing in the audit log; a failed attempt while the database was away is logged as such), the signatures verify, and the audit chain is
 * intact. Each test has a portal of its own.
 */
class SigningBatchCrashIT {

    private static final byte[] CHAIN_KEY = "crash-suite-audit-chain-key-32-bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final int CARDS = 300;
    private static final String DEMO_PASSWORD = "Dukcapil#2026";
    private static final String PASSPHRASE = "TTE-Kadis-2026";
    private PortalProcess portal;
    private Path folder;

    private @Nullable BsrePeer bsre;

    @BeforeEach
    void aFolder() throws Exception {
        folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-signing-");
    }

    private void startThePortal(String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("--portal.kkprint.demo-cards-to-sign=" + CARDS));
        all.addAll(List.of(arguments));
        portal = new PortalProcess(folder, Map.of("AUDIT_CHAIN_KEY", Base64.getEncoder().encodeToString(CHAIN_KEY)),
                all.toArray(String[]::new));
        portal.start();
        awaitQueued();
    }

    @AfterEach
    void stopThePortal() throws Exception {
        if (portal != null) {
            portal.stop();
        }
        if (bsre != null) {
            bsre.close();
        }
        FileSystemUtils.deleteRecursively(folder);
    }

    @Test
    void the_portal_killed_in_a_signing_batch_restarts_and_the_resumed_batch_signs_every_card_once() throws Exception {
        startThePortal();
        killedAndResumed(PASSPHRASE, Duration.ZERO);

        assertEveryCardSignedOnce();
        AuditChainCheck.assertVerifies(portal, CHAIN_KEY);
    }

    /**
     * Issue 39: the same through BSrE (the test's HTTPS peer, 0.1 s a call): what was in flight at the kill is
     * journalled, reconciled on resume, and every card is stored signed once. BSrE may have signed a card whose answer
     * died with the JVM: each such signature is one reconciled attempt, never an unaccounted one.
     */
    @Test
    void the_portal_killed_in_a_bsre_signing_batch_resumes_and_every_card_is_stored_signed_once() throws Exception {
        BsrePeer peer = new BsrePeer(folder);
        bsre = peer;
        peer.latency(Duration.ofMillis(100));
        startThePortal("--portal.signing.provider=bsre", "--portal.signing.bsre.url=" + peer.url(),
                "--portal.signing.bsre.username=" + BsrePeer.USERNAME, "--portal.signing.bsre.password=" + BsrePeer.PASSWORD,
                "--portal.signing.bsre.nik=" + BsrePeer.NIK, "--portal.signing.bsre.signer-name=" + BsrePeer.SIGNER,
                "--portal.signing.bsre.signer-position=Kepala Dinas", "--portal.signing.bsre.signer-nip=197203151998031004",
                "--portal.signing.bsre.roots-pem=" + peer.rootsPem(), "--portal.signing.bsre.trust-pem=" + peer.trustPem(),
                "--portal.signing.bsre.timeout=PT10S", "--portal.signing.bsre.in-flight-margin=PT1S");

        // Resumed once the calls in flight at the kill are past BSrE's time-out and the margin: no node resends before.
        killedAndResumed(BsrePeer.PASSPHRASE, Duration.ofSeconds(11));

        assertEveryCardSignedOnce();
        int reconciled = count("SELECT COUNT(*) FROM signing_remote_attempt WHERE state = 'RECONCILED'");
        assertThat(count("SELECT COUNT(*) FROM signing_remote_attempt WHERE state IN ('SENT', 'UNKNOWN')"))
                .as("attempts left open").isZero();
        // "Select all" also takes the demo's other queued documents: count every document BSrE's certificate signed.
        int stored = count("""
                SELECT COUNT(*) FROM signing_document d JOIN signing_certificate c ON c.id = d.certificate_id
                WHERE d.state = 'SIGNED' AND c.status = 'BSRE'""");
        assertThat(peer.signatures()).as("BSrE's signatures: every stored one, plus at most one per reconciled attempt")
                .isBetween(stored, stored + reconciled);
        System.out.printf("CRASH bsre signing batch: %d attempts in flight at the kill reconciled, BSrE signed %d "
                + "times for %d documents stored signed (%d cards)%n", reconciled, peer.signatures(), stored, CARDS);
        AuditChainCheck.assertVerifies(portal, CHAIN_KEY);
    }

    /** @param inFlight how long after the kill the batch may be resumed (a document sent just before it is held) */
    private void killedAndResumed(String passphrase, Duration inFlight) throws Exception {
        try (Browser head = signedInHead()) {
            head.await(By.id("signing-select-all")).click();
            head.await(By.cssSelector("#signing-passphrase input")).sendKeys(passphrase);
            head.await(By.id("signing-sign")).click();
            awaitSigned(CARDS / 3, Duration.ofMinutes(3));
            portal.killJvm();
        }
        long killedAt = System.nanoTime();
        int beforeKill = signed();
        long ready = portal.start();
        long left = killedAt + inFlight.toNanos() - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }

        try (Browser head = signedInHead()) {
            head.await(By.cssSelector("vaadin-button[id^='signing-resume-']"));
            head.await(By.cssSelector("#signing-passphrase input")).sendKeys(passphrase);
            head.await(By.cssSelector("vaadin-button[id^='signing-resume-']")).click();
            awaitSigned(CARDS, Duration.ofMinutes(5));
        }
        System.out.printf("CRASH signing batch: %d of %d cards signed before kill -9 of the JVM, ready again in %d ms, "
                + "the rest signed on resume%n", beforeKill, CARDS, ready);
    }

    @Test
    void the_database_killed_in_a_signing_batch_comes_back_and_what_is_left_is_signed_once() throws Exception {
        startThePortal();
        try (Browser head = signedInHead()) {
            head.await(By.id("signing-select-all")).click();
            head.await(By.cssSelector("#signing-passphrase input")).sendKeys(PASSPHRASE);
            head.await(By.id("signing-sign")).click();
            awaitSigned(CARDS / 3, Duration.ofMinutes(3));
            ProcessHandle database = portal.mysqld().orElseThrow();
            database.destroyForcibly();
            database.onExit().get(30, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (portal.status("/readyz") != 200) {
            assertThat(System.nanoTime()).as("the watchdog brings the database back").isLessThan(deadline);
            Thread.sleep(200);
        }
        int beforeResume = signed();

        // What the batch could not commit while the database was away is resumed, or signed as a new batch.
        try (Browser head = signedInHead()) {
            if (count("SELECT COUNT(*) FROM signing_document WHERE source_type = 'DEMO' AND state = 'QUEUED'") > 0) {
                head.await(By.id("signing-select-all")).click();
                head.await(By.cssSelector("#signing-passphrase input")).sendKeys(PASSPHRASE);
                head.await(By.id("signing-sign")).click();
            }
            awaitSigned(CARDS, Duration.ofMinutes(5));
        }
        System.out.printf("CRASH signing batch: database killed; %d of %d cards signed before it came back, the rest "
                + "signed after%n", beforeResume, CARDS);

        assertEveryCardSignedOnce();
        AuditChainCheck.assertVerifies(portal, CHAIN_KEY);
    }

    private Browser signedInHead() {
        Browser browser = new Browser(portal.url("/").getPort(), 1440, 900);
        browser.signIn("kadis", DEMO_PASSWORD);
        browser.await(By.tagName("vaadin-app-layout"));
        browser.open("signing");
        return browser;
    }

    private void assertEveryCardSignedOnce() throws Exception {
        List<byte[]> pdfs = new ArrayList<>();
        try (Connection db = portal.database(); Statement statement = db.createStatement()) {
            try (ResultSet rows = statement.executeQuery("""
                    SELECT d.id, d.state, d.pdf_sha256, p.pdf,
                           (SELECT COUNT(*) FROM audit_entry a WHERE a.action = 'signing.document.signed' AND a.outcome = 'SUCCESS'
                              AND a.subject_id = CAST(d.id AS CHAR)) AS signed_entries
                    FROM signing_document d LEFT JOIN signing_document_pdf p ON p.document_id = d.id
                    WHERE d.source_type = 'DEMO'""")) {
                int cards = 0;
                while (rows.next()) {
                    cards++;
                    String card = "card " + rows.getLong("id");
                    assertThat(rows.getString("state")).as(card).isEqualTo("SIGNED");
                    assertThat(rows.getInt("signed_entries")).as(card + ": audit entries of its signature").isEqualTo(1);
                    byte[] pdf = rows.getBytes("pdf");
                    assertThat(pdf).as(card + ": its stored PDF").isNotNull();
                    assertThat(signatures(pdf)).as(card + ": signatures in its PDF").isEqualTo(1);
                    assertThat(Sha256.hex(pdf)).as(card + ": the stored PDF is the one recorded").isEqualTo(rows.getString("pdf_sha256"));
                    if (pdfs.size() < 3) {
                        pdfs.add(pdf);
                    }
                }
                assertThat(cards).isEqualTo(CARDS);
            }
        }
        for (byte[] pdf : pdfs) {
            Path file = Files.createTempFile(folder, "card-", ".pdf");
            Files.write(file, pdf);
            Process pdfsig = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
            String report = new String(pdfsig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pdfsig.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(report).as("pdfsig of a card signed across the crash").contains("Signature is Valid");
        }
    }

    /** Signature dictionaries in the PDF: a card signed twice over would have two. */
    private static int signatures(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int count = 0;
        for (int at = text.indexOf("/ByteRange"); at >= 0; at = text.indexOf("/ByteRange", at + 1)) {
            count++;
        }
        return count;
    }

    private void awaitQueued() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (count("SELECT COUNT(*) FROM signing_document WHERE source_type = 'DEMO' AND state = 'QUEUED'") < CARDS) {
            assertThat(System.nanoTime()).as("the demo's " + CARDS + " cards are queued").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private void awaitSigned(int atLeast, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (signed() < atLeast) {
            assertThat(System.nanoTime()).as(atLeast + " cards signed within " + within).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private int signed() throws Exception {
        return count("SELECT COUNT(*) FROM signing_document WHERE source_type = 'DEMO' AND state = 'SIGNED'");
    }

    private int count(String sql) throws Exception {
        try (Connection db = portal.database(); PreparedStatement select = db.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
