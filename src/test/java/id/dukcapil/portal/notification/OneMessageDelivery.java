package id.dukcapil.portal.notification;

import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.notification.internal.NotificationProperties;
import id.dukcapil.portal.notification.internal.OutboxSender;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One queued message delivered by the outbox's own runs, driven by a test alone: the scheduled sender is kept out
 * by its cluster lock, and the message is due at an instant of its own, an hour before any earlier one's, so that
 * neither the sender's run nor its recovery after the lease finds any other message (OutboxCrashTests' way).
 */
public final class OneMessageDelivery {

    /** What the outbox says of a message: the state an ADMIN reads in its view. */
    public enum Said {
        /** SENT: the server accepted it. */
        SENT,
        /** UNCERTAIN, or handed over by a run that has not recorded the answer: it may or may not have arrived. */
        UNKNOWN,
        /** Waiting (PENDING, RETRY, claimed but not handed over) or FAILED: it has not been accepted. */
        NOT_SENT
    }

    /** The scheduled sender's ShedLock name ({@code OutboxSender}). */
    static final String SENDER_LOCK = "notification-outbox-sender";
    private static final String TEST_RUN = "a test's own delivery";
    private static final Instant LATEST = Instant.parse("2015-01-05T03:00:00Z");
    private static final AtomicLong QUEUED = new AtomicLong();

    private final OutboxSender sender;
    private final JdbcTemplate jdbc;
    private final TestClock clock;
    private final TestMailServer mailServer;
    private final Duration lease;
    private final MessageRef message;
    private final Instant due;

    private OneMessageDelivery(OutboxSender sender, JdbcTemplate jdbc, TestClock clock, TestMailServer mailServer,
                               Duration lease, MessageRef message, Instant due) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.clock = clock;
        this.mailServer = mailServer;
        this.lease = lease;
        this.message = message;
        this.due = due;
    }

    /**
     * A message queued (and committed) while the scheduled sender is kept out: until {@link #letSchedulerIn} only
     * this test's runs deliver.
     */
    public static OneMessageDelivery queued(Outbox outbox, OutboxSender sender, NotificationProperties properties,
                                            TransactionTemplate transactions, JdbcTemplate jdbc, TestClock clock,
                                            TestMailServer mailServer) {
        keepSchedulerOut(jdbc);
        long queued = QUEUED.getAndIncrement();
        Instant due = LATEST.minus(Duration.ofHours(queued));
        clock.setInstant(due);
        String recipient = "keluar-" + queued + "@example.id";
        MessageRef message = transactions.execute(status -> outbox.enqueue(OutgoingMail.of(recipient, "test",
                Locale.of("id"), Map.of("recipient", recipient))));
        return new OneMessageDelivery(sender, jdbc, clock, mailServer, properties.sender().lease(), message, due);
    }

    /** One run of the sender when the message is due. */
    public void deliver() {
        clock.setInstant(due);
        sender.deliverDue();
    }

    /**
     * The sender's next run once the lease of this run's claim has passed: it recovers what a failed run left and
     * delivers what is due again.
     */
    public void deliverAfterTheLease() {
        clock.setInstant(due.plus(lease).plusSeconds(1));
        sender.deliverDue();
    }

    public Said said() {
        var row = jdbc.queryForMap("SELECT state, handed_over_at FROM notification_message WHERE id = ?",
                message.id());
        return switch ((String) row.get("state")) {
            case "SENT" -> Said.SENT;
            case "UNCERTAIN" -> Said.UNKNOWN;
            case "SENDING" -> row.get("handed_over_at") == null ? Said.NOT_SENT : Said.UNKNOWN;
            default -> Said.NOT_SENT;
        };
    }

    /** Copies of the message the mail server received. */
    public int copiesReceived() {
        return mailServer.receivedWithMessageId(message.messageId()).size();
    }

    /** Takes the scheduled sender's cluster lock once no run of it holds it, for an hour or until let in. */
    public static void keepSchedulerOut(JdbcTemplate jdbc) {
        jdbc.update("INSERT IGNORE INTO shedlock (name, lock_until, locked_at, locked_by) "
                + "VALUES (?, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3), ?)", SENDER_LOCK, TEST_RUN);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.update("UPDATE shedlock SET lock_until = CURRENT_TIMESTAMP(3) + INTERVAL 1 HOUR, "
                        + "locked_at = CURRENT_TIMESTAMP(3), locked_by = ? "
                        + "WHERE name = ? AND (lock_until <= CURRENT_TIMESTAMP(3) OR locked_by = ?)",
                TEST_RUN, SENDER_LOCK, TEST_RUN) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The scheduled sender did not let go of its lock");
            }
            sleep();
        }
    }

    /** Gives the scheduled sender its lock back. */
    public static void letSchedulerIn(JdbcTemplate jdbc) {
        jdbc.update("UPDATE shedlock SET lock_until = CURRENT_TIMESTAMP(3) WHERE name = ? AND locked_by = ?",
                SENDER_LOCK, TEST_RUN);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
