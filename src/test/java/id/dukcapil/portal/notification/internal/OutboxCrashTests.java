package id.dukcapil.portal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.notification.MessageRef;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.OutboxAdministration;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.notification.TestMailServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sender that dies after the mail server accepted a message but before recording it: the message is never
 * sent a second time by itself (at most once, decision 020); ADMIN sees it as uncertain and may send it again.
 */
@PortalTest
@WithUserDetails("admin")
class OutboxCrashTests {

    /**
     * Long past: the claims below take the oldest due message up to T, and every other message in the shared
     * database (demo mails, other tests' retries, the overdue watch's mails) is due later.
     */
    private static final Instant T = Instant.parse("2020-01-06T03:00:00Z");

    @Autowired Outbox outbox;
    @Autowired OutboxStore store;
    @Autowired OutboxSender sender;
    @Autowired MailTransport transport;
    @Autowired NotificationProperties properties;
    @Autowired OutboxAdministration administration;
    @Autowired TestMailServer mailServer;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired KilledRunLeftovers leftovers;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_crash_between_sending_and_recording_never_leads_to_a_second_delivery() throws Exception {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        List<OutboxStore.Claimed> claimed = store.claim(token, T, 1);
        assertThat(claimed).extracting(OutboxStore.Claimed::id).containsExactly(ref.id());
        // The dying sender: the server accepts the message, then the node stops before recording the answer.
        store.handingOver(ref.id(), token, T);
        try (MailTransport.Connection connection = transport.connect()) {
            assertThat(connection.deliver(MimeComposer.compose(claimed.getFirst(), properties.from(), T))).startsWith("250");
        }
        assertThat(state(ref)).isEqualTo("SENDING");

        // Later runs, on this node or another: past the lease the message is marked uncertain, not sent again.
        clock.setInstant(T.plus(properties.sender().lease()).plusSeconds(1));
        sender.deliverDue();
        await().atMost(Duration.ofSeconds(5)).until(() -> "UNCERTAIN".equals(state(ref)));
        Thread.sleep(2_500);
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT last_answer FROM notification_message WHERE id = ?", String.class,
                ref.id())).isEqualTo(OutboxSender.ABANDONED);
    }

    @Test
    void a_sender_that_records_late_still_records_what_happened() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        store.claim(token, T, 1);
        store.handingOver(ref.id(), token, T);
        clock.setInstant(T.plus(properties.sender().lease()).plusSeconds(1));
        sender.deliverDue();
        assertThat(state(ref)).isEqualTo("UNCERTAIN");
        store.recordSent(ref.id(), token, clock.instant(), "250 OK late");
        assertThat(state(ref)).isEqualTo("SENT");
    }

    @Test
    void an_uncertain_message_sent_again_by_admin_keeps_its_message_id_and_is_audited() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        store.claim(token, T, 1);
        store.handingOver(ref.id(), token, T);
        clock.setInstant(T.plus(properties.sender().lease()).plusSeconds(1));
        sender.deliverDue();
        assertThat(state(ref)).isEqualTo("UNCERTAIN");

        administration.sendAgain(ref.id());
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(state(ref)));
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).hasSize(1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'notification.message.resent' AND subject_id = ?
                    AND actor_id = 'admin'""", Long.class, String.valueOf(ref.id()))).isEqualTo(1);
    }

    @Test
    void a_message_claimed_by_a_sender_that_died_before_handing_it_over_is_sent_once_later() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        store.claim(UUID.randomUUID().toString(), T, 1);
        assertThat(state(ref)).isEqualTo("SENDING");

        clock.setInstant(T.plus(properties.sender().lease()).plusSeconds(1));
        sender.deliverDue();
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(state(ref)));
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM notification_message WHERE id = ?", Integer.class,
                ref.id())).as("the abandoned claim is not an attempt").isEqualTo(1);
    }

    @Test
    void on_the_embedded_database_a_start_releases_what_a_killed_run_held() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        store.claim(UUID.randomUUID().toString(), T, 1);
        jdbc.update("""
                INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
                VALUES ('killed-run-test', CURRENT_TIMESTAMP(3) + INTERVAL 10 MINUTE, CURRENT_TIMESTAMP(3), 'killed')
                ON DUPLICATE KEY UPDATE lock_until = CURRENT_TIMESTAMP(3) + INTERVAL 10 MINUTE""");

        clock.reset();
        leftovers.afterSingletonsInstantiated();

        assertThat(state(ref)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT lock_until <= CURRENT_TIMESTAMP(3) FROM shedlock WHERE name = 'killed-run-test'",
                Boolean.class)).as("the lock is free").isTrue();
    }

    /**
     * Queued at T while the portal's clock stands an hour earlier, so the scheduled sender does not see it due. The
     * clock goes back before the message is committed: a sender run in between would otherwise find it due.
     */
    private MessageRef aMessageOnlyThisTestCanClaim() {
        clock.setInstant(T);
        return transactions.execute(status -> {
            MessageRef queued = outbox.enqueue(OutgoingMail.of("crash@example.id", "test", Locale.of("id"),
                    Map.of("recipient", "crash@example.id")));
            clock.setInstant(T.minus(Duration.ofHours(1)));
            return queued;
        });
    }

    private String state(MessageRef ref) {
        return jdbc.queryForObject("SELECT state FROM notification_message WHERE id = ?", String.class, ref.id());
    }
}
