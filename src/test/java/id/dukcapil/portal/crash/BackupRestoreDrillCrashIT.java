package id.dukcapil.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.browser.Browser;
import id.dukcapil.portal.packaged.AuditChainCheck;
import id.dukcapil.portal.packaged.BdsCitizens;
import id.dukcapil.portal.packaged.PortalProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 51's restore drill (decision 184): bookings from the BDS app and a KK signing batch; the backups run (the first
 * at the start, the binary log copied every 20 s); then everything is killed ({@code kill -9} of the JVM and of its
 * MariaDB) and the data folder deleted, as a dead disk would leave it. {@code --restore=<BACKUP_DIR>} then brings back
 * every booking answered 201 more than a minute before the loss and every signed card, the chain verifies, and no
 * ticket is mailed twice.
 */
class BackupRestoreDrillCrashIT {

    private static final byte[] CHAIN_KEY = "crash-suite-audit-chain-key-32-bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final String BACKUP_KEY = Base64.getEncoder()
            .encodeToString("restore-drill-backup-key-32bytes".getBytes(StandardCharsets.US_ASCII));
    private static final String IKD_PIN_KEY = Base64.getEncoder()
            .encodeToString("restore-drill-ikd-pin-key-32byte".getBytes(StandardCharsets.US_ASCII));
    private static final int CARDS = 40;
    private static final String POINT = "UKL-320415";

    private GreenMail mail;
    private PortalProcess portal;
    private Path folder;
    /** The folder (logs, backups) stays for a look when the drill failed. */
    private boolean passed;

    @AfterEach
    void stopAll() throws Exception {
        if (portal != null) {
            portal.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (passed) {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    @Test
    void a_lost_data_folder_is_restored_to_its_last_minute_with_the_chain_verified_and_no_ticket_mailed_twice()
            throws Exception {
        mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-restore-");
        Path backups = folder.resolve("backups");
        // The keys come from the configuration, not from the data folder that is lost (decision 184).
        portal = new PortalProcess(folder, Map.of("MAIL_HOST", "127.0.0.1",
                "MAIL_PORT", Integer.toString(mail.getSmtp().getPort()), "MAIL_STARTTLS", "false",
                "EVENTS_STALE_AFTER", "PT30S", "AUDIT_CHAIN_KEY", Base64.getEncoder().encodeToString(CHAIN_KEY),
                "BACKUP_DIR", backups.toString(), "BACKUP_KEY", BACKUP_KEY, "IKD_PIN_KEY", IKD_PIN_KEY),
                "--portal.kkprint.demo-cards-to-sign=" + CARDS, "--portal.events.resubmit-interval=PT5S");
        portal.start();
        BdsCitizens citizens = new BdsCitizens(portal, mail, List.of(portal.url("/")));
        Path firstBackup = awaitBackup(backups, Duration.ofMinutes(3));

        BdsCitizens.Burst kept = citizens.burst(POINT, BdsCitizens.workingDay(3)).start();
        kept.finish(Duration.ofMinutes(3));
        signTheBatch();
        long keptUntil = System.nanoTime();
        // A little over a minute of other work: the binary log copied meanwhile is what the restore replays.
        Thread.sleep(Duration.ofSeconds(65));
        BdsCitizens.Burst lastMinute = citizens.burst(POINT, BdsCitizens.workingDay(6)).start();
        lastMinute.awaitBooked(lastMinute.places / 4);

        ProcessHandle database = portal.mysqld().orElseThrow();
        portal.killJvm();
        database.destroyForcibly();
        database.onExit().get(30, TimeUnit.SECONDS);
        long lostAt = System.nanoTime();
        lastMinute.stop();
        assertThat(Duration.ofNanos(lostAt - keptUntil)).as("the kept work is over a minute older than the loss")
                .isGreaterThan(Duration.ofMinutes(1));
        FileSystemUtils.deleteRecursively(folder.resolve("data"));
        int mailedBefore = mail.getReceivedMessages().length;

        long restoreMillis = portal.start("--restore=" + backups);
        String log = Files.readString(portal.log());
        String report = log.substring(log.indexOf("RESTORE REPORT"));
        System.out.printf("RESTORE DRILL: backup %s (%s bytes in %s ms); restored and ready in %d ms; %d + %d bookings "
                        + "made, %d mails before the loss%n%s%n", firstBackup.getFileName(),
                manifest(firstBackup).getProperty("size.bytes"), manifest(firstBackup).getProperty("took.millis"),
                restoreMillis, kept.booked.get(), lastMinute.booked.get(), mailedBefore,
                report.lines().limit(8).reduce("", (a, b) -> a + b + "\n"));
        assertThat(report).contains("audit chain: VERIFIED").contains("unverified: nothing");

        Set<String> restored = bookingCodes();
        for (BdsCitizens.Booked booked : kept.answers) {
            assertThat(restored).as("booking " + booked.code() + " answered 201 over a minute before the loss")
                    .contains(booked.code());
        }
        assertThat(count("SELECT COUNT(*) FROM signing_document WHERE source_type = 'DEMO' AND state = 'SIGNED'"))
                .as("the signed cards").isEqualTo(CARDS);

        // The outbox has what was due; what went out before the loss is in the sent journal, not mailed again.
        awaitOutboxDrained(Duration.ofMinutes(2));
        Thread.sleep(Duration.ofSeconds(5));
        Map<String, Integer> tickets = citizens.tickets();
        tickets.forEach((code, mailed) -> assertThat(mailed).as("ticket mails of " + code).isEqualTo(1));
        for (BdsCitizens.Booked booked : kept.answers) {
            assertThat(tickets).as("the ticket of a kept booking").containsKey(booked.code());
        }
        AuditChainCheck.assertVerifies(portal, CHAIN_KEY);
        try (Stream<Path> reports = Files.list(backups.resolve("restore-reports"))) {
            assertThat(reports).as("the report beside the backups").isNotEmpty();
        }
        passed = true;
    }

    private void signTheBatch() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (count("SELECT COUNT(*) FROM signing_document WHERE source_type = 'DEMO' AND state = 'QUEUED'") < CARDS) {
            assertThat(System.nanoTime()).as("the demo's cards are queued").isLessThan(deadline);
            Thread.sleep(500);
        }
        try (Browser head = new Browser(portal.url("/").getPort(), 1440, 900)) {
            head.signIn("kadis", "Dukcapil#2026");
            head.await(By.tagName("vaadin-app-layout"));
            head.open("signing");
            head.await(By.id("signing-select-all")).click();
            head.await(By.cssSelector("#signing-passphrase input")).sendKeys("TTE-Kadis-2026");
            head.await(By.id("signing-sign")).click();
            while (count("SELECT COUNT(*) FROM signing_document WHERE source_type = 'DEMO' AND state = 'SIGNED'") < CARDS) {
                assertThat(System.nanoTime()).as("the batch is signed").isLessThan(deadline + Duration.ofMinutes(3).toNanos());
                Thread.sleep(200);
            }
        }
    }

    private static Path awaitBackup(Path backups, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            if (Files.isDirectory(backups)) {
                try (Stream<Path> list = Files.list(backups)) {
                    var found = list.filter(path -> Files.exists(path.resolve("manifest.properties"))).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            assertThat(System.nanoTime()).as("the first backup is taken at the start").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static Properties manifest(Path backup) throws Exception {
        Properties manifest = new Properties();
        try (var reader = Files.newBufferedReader(backup.resolve("manifest.properties"))) {
            manifest.load(reader);
        }
        return manifest;
    }

    private void awaitOutboxDrained(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (count("SELECT COUNT(*) FROM notification_message WHERE state NOT IN ('SENT', 'FAILED', 'UNCERTAIN')") > 0) {
            assertThat(System.nanoTime()).as("the outbox sends what was due").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private Set<String> bookingCodes() throws Exception {
        Set<String> codes = new HashSet<>();
        try (Connection db = portal.database(); PreparedStatement select = db.prepareStatement("SELECT code FROM booking_booking");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }

    private int count(String sql) throws Exception {
        try (Connection db = portal.database(); PreparedStatement select = db.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
