package id.dukcapil.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.dukcapil.portal.FreePorts;
import id.dukcapil.portal.packaged.AuditChainCheck;
import id.dukcapil.portal.packaged.BdsCitizens;
import id.dukcapil.portal.packaged.PortalProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 12's crash suite, SOP A: the packaged portal takes a burst of bookings from the BDS app and is killed in the
 * middle of it — its JVM ({@code kill -9}), or its database server. It comes back without a hand (a JVM restart;
 * the watchdog for the database), and then: no day has more bookings than its quota, every committed booking has
 * its ticket e-mail exactly once, and the audit chain verifies.
 */
class BookingBurstCrashIT {

    /** The audit chain's key, given to the portal so that the suite can check every entry's MAC. */
    private static final byte[] CHAIN_KEY = "crash-suite-audit-chain-key-32-bytes!".getBytes(StandardCharsets.US_ASCII);

    private static final String POINT = "UKL-320415";
    private static GreenMail mail;
    private static PortalProcess portal;
    private static BdsCitizens citizens;
    private static Path folder;
    private static int dayOffset = 3;

    @BeforeAll
    static void startThePortal() throws Exception {
        mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-booking-");
        // Listeners cut off (a ticket e-mail tried while the database was away, or not yet run when the JVM was
        // killed: no node republishes at its start) count as stale after 30 s, not the production 10 minutes, so
        // that the suite sees them resubmitted within its wait.
        portal = new PortalProcess(folder, Map.of("MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(mail.getSmtp().getPort()),
                "MAIL_STARTTLS", "false", "EVENTS_STALE_AFTER", "PT30S",
                "AUDIT_CHAIN_KEY", Base64.getEncoder().encodeToString(CHAIN_KEY)),
                "--portal.events.resubmit-interval=PT5S");
        portal.start();
        citizens = new BdsCitizens(portal, mail, List.of(portal.url("/")));
    }

    @AfterAll
    static void stopThePortal() throws Exception {
        portal.stop();
        mail.stop();
        FileSystemUtils.deleteRecursively(folder);
    }

    @Test
    void the_portal_killed_in_a_booking_burst_restarts_without_a_hand_and_keeps_every_rule() throws Exception {
        BdsCitizens.Burst burst = citizens.burst(POINT, nextWorkingDay()).start();
        burst.awaitBooked(burst.places / 3);

        portal.killJvm();
        burst.stop();
        long ready = portal.start();

        System.out.printf("CRASH booking burst: %d booked before kill -9 of the JVM, ready again in %d ms%n",
                burst.booked.get(), ready);
        assertTheRulesHeld(burst);
    }

    @Test
    void the_database_killed_in_a_booking_burst_comes_back_and_the_burst_finishes_within_every_rule() throws Exception {
        BdsCitizens.Burst burst = citizens.burst(POINT, nextWorkingDay()).start();
        burst.awaitBooked(burst.places / 3);

        ProcessHandle database = portal.mysqld().orElseThrow();
        database.destroyForcibly();
        database.onExit().get(30, TimeUnit.SECONDS);
        burst.finish(Duration.ofMinutes(3)); // the app retries a 503 with the same Idempotency-Key

        System.out.printf("CRASH booking burst: database killed; %d booked, %d answers 503 on the way%n",
                burst.booked.get(), burst.unavailable.get());
        assertThat(portal.mysqld()).as("the watchdog started the database again").hasValueSatisfying(
                restarted -> assertThat(restarted.pid()).isNotEqualTo(database.pid()));
        // Each request that met the outage was answered 503 (the app retries it) or retried by the portal itself on a
        // lost connection (decision 186): since then the burst may see no 503 at all. The rules below hold either way.
        assertTheRulesHeld(burst);
    }

    /** Quota, answers, ticket e-mails and the audit chain, once the outbox has had time to send what it owes. */
    private static void assertTheRulesHeld(BdsCitizens.Burst burst) throws Exception {
        burst.assertTheRulesHeld(1);
        AuditChainCheck.assertVerifies(portal, CHAIN_KEY);
    }

    /** A different working day per test, some days ahead, so that each burst fills its own day. */
    private static LocalDate nextWorkingDay() {
        LocalDate day = LocalDate.now(ZoneOffset.ofHours(7)).plusDays(dayOffset++);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
            dayOffset++;
        }
        return day;
    }
}
