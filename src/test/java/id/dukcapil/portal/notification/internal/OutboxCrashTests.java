package id.dukcapil.portal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.MessageKind;
import id.dukcapil.portal.notification.MessageRef;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.OutboxAdministration;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.notification.SenderRuns;
import id.dukcapil.portal.notification.TestMailServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
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
    @Autowired OutboxQueue queue;
    @Autowired OutboxOutcomes outcomes;
    @Autowired OutboxRecoveryStore recoveryStore;
    @Autowired ChannelDelivery delivery;
    @Autowired OutboxRecovery recovery;
    @Autowired OutboxSender sender;
    @Autowired MailTransport transport;
    @Autowired NotificationProperties properties;
    @Autowired OutboxAdministration administration;
    @Autowired TestMailServer mailServer;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired KilledRunLeftovers leftovers;
    @Autowired ChannelStore channels;
    @Autowired MeterRegistry meters;

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
        store.handingOver(List.of(ref.id()), token, T);
        try (MailTransport.Connection connection = transport.connect()) {
            assertThat(connection.deliver(MimeComposer.compose(claimed.getFirst(), properties.from(), T))).startsWith("250");
        }
        assertThat(state(ref)).isEqualTo("SENDING");

        // Later runs, on this node or another: past the lease the message is marked uncertain, not sent again.
        clock.setInstant(T.plus(properties.sender().lease()).plusSeconds(1));
        sender.deliverDue();
        await().atMost(Duration.ofSeconds(5)).until(() -> "UNCERTAIN".equals(state(ref)));
        new SenderRuns(meters).awaitWhole(2);
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT last_answer FROM notification_message WHERE id = ?", String.class,
                ref.id())).isEqualTo(OutboxRecovery.ABANDONED);
    }

    /**
     * Decision 184: a message the sent journal says its provider accepted, whose answer the stopped node never
     * recorded, is SENT with its attempt logged, as every SENT message is (ChannelDrainCrashIT found one without).
     */
    @Test
    void a_message_the_sent_journal_names_is_sent_with_its_attempt_logged() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        store.claim(token, T, 1);
        store.handingOver(List.of(ref.id()), token, T);

        assertThat(recoveryStore.recordSentByJournal(List.of(ref.messageId()), T.plusSeconds(5))).isEqualTo(1);
        assertThat(recoveryStore.recordSentByJournal(List.of(ref.messageId()), T.plusSeconds(6))).as("once").isZero();

        assertThat(state(ref)).isEqualTo("SENT");
        assertThat(jdbc.queryForList("SELECT outcome FROM notification_attempt WHERE message_id = ?", String.class,
                ref.id())).containsExactly("SENT");
    }

    @Test
    void a_sender_that_records_late_still_records_what_happened() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        store.claim(token, T, 1);
        store.handingOver(List.of(ref.id()), token, T);
        clock.setInstant(T.plus(properties.sender().lease()).plusSeconds(1));
        sender.deliverDue();
        assertThat(state(ref)).isEqualTo("UNCERTAIN");
        outcomes.recordSent(List.of(new OutboxOutcomes.Sent(ref.id(), Channel.EMAIL, clock.instant(), "250 OK late", null,
                false, null)), token);
        assertThat(state(ref)).isEqualTo("SENT");
    }

    @Test
    void an_uncertain_message_sent_again_by_admin_keeps_its_message_id_and_is_audited() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        store.claim(token, T, 1);
        store.handingOver(List.of(ref.id()), token, T);
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

    @Test
    void senders_of_several_nodes_claiming_the_same_messages_at_once_send_each_once() throws Exception {
        List<MessageRef> refs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            refs.add(aMessageOnlyThisTestCanClaim());
        }
        // Four nodes' runs select the same due messages at the same moment (under Galera no row lock of one node
        // stops another's select): the claim's compare gives each message to one run.
        int nodes = 4;
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        List<Future<List<Long>>> runs = new ArrayList<>();
        try {
            for (int node = 0; node < nodes; node++) {
                runs.add(threads.submit(() -> {
                    String token = UUID.randomUUID().toString();
                    together.await();
                    List<OutboxStore.Claimed> claimed = store.claim(token, T, 50);
                    sender.deliver(claimed, token);
                    return claimed.stream().map(OutboxStore.Claimed::id).toList();
                }));
            }
            List<Long> claimed = new ArrayList<>();
            for (Future<List<Long>> run : runs) {
                claimed.addAll(run.get());
            }
            for (MessageRef ref : refs) {
                assertThat(claimed).as("claims of " + ref.id()).containsOnlyOnce(ref.id());
            }
        } finally {
            threads.shutdown();
        }
        for (MessageRef ref : refs) {
            assertThat(state(ref)).isEqualTo("SENT");
            assertThat(mailServer.receivedWithMessageId(ref.messageId())).as(ref.messageId()).hasSize(1);
        }
    }

    @Test
    void a_sender_whose_claim_was_taken_back_after_its_lease_does_not_hand_the_message_over() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String slowRun = UUID.randomUUID().toString();
        List<OutboxStore.Claimed> claimed = store.claim(slowRun, T, 1);
        assertThat(claimed).extracting(OutboxStore.Claimed::id).containsExactly(ref.id());

        // The run stalls (a long pause of its node) past the lease: another node's run puts it back and sends it.
        clock.setInstant(T.plus(properties.sender().lease()).plusSeconds(1));
        sender.deliverDue();
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(state(ref)));

        // The stalled run goes on with what it had claimed: the claim is no longer its own.
        assertThat(sender.deliver(claimed, slowRun)).isZero();
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).hasSize(1);
        assertThat(state(ref)).isEqualTo("SENT");
    }

    /**
     * A lane hands a group over in one commit (decision 156): killed after the first of three went out, it leaves all
     * three UNCERTAIN, the two never sent among them, and none is sent again: a person decides (decision 078).
     */
    @Test
    void a_sender_killed_in_the_middle_of_a_group_leaves_the_group_uncertain_and_sends_none_of_it_again()
            throws Exception {
        List<MessageRef> refs = List.of(aMessageOnlyThisTestCanClaim(), aMessageOnlyThisTestCanClaim(),
                aMessageOnlyThisTestCanClaim());
        String token = UUID.randomUUID().toString();
        List<OutboxStore.Claimed> claimed = store.claim(token, T, 3);
        List<Long> ids = refs.stream().map(MessageRef::id).toList();
        assertThat(claimed).extracting(OutboxStore.Claimed::id).containsExactlyElementsOf(ids);
        assertThat(store.handingOver(ids, token, T)).containsExactlyInAnyOrderElementsOf(ids);
        try (MailTransport.Connection connection = transport.connect()) {
            connection.deliver(MimeComposer.compose(claimed.getFirst(), properties.from(), T));
        }

        clock.setInstant(T.plus(properties.sender().lease()).plusSeconds(1));
        sender.deliverDue();
        await().atMost(Duration.ofSeconds(5)).until(() -> refs.stream().allMatch(ref -> "UNCERTAIN".equals(state(ref))));
        new SenderRuns(meters).awaitWhole(2);
        assertThat(mailServer.receivedWithMessageId(refs.get(0).messageId())).hasSize(1);
        assertThat(mailServer.receivedWithMessageId(refs.get(1).messageId())).isEmpty();
        assertThat(mailServer.receivedWithMessageId(refs.get(2).messageId())).isEmpty();
    }

    @Test
    void a_group_s_message_taken_back_after_the_lease_is_not_handed_over_with_the_rest() {
        MessageRef kept = aMessageOnlyThisTestCanClaim();
        MessageRef takenBack = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        store.claim(token, T, 2);
        store.release(List.of(takenBack.id()), token, T); // as another node's recovery puts it back in the queue
        try {
            assertThat(store.handingOver(List.of(kept.id(), takenBack.id()), token, T)).containsExactly(kept.id());
        } finally {
            jdbc.update("UPDATE notification_message SET state = 'FAILED' WHERE id IN (?, ?)", kept.id(), takenBack.id());
        }
    }

    /**
     * A receipt that comes while the sender holds its message's answer uncommitted is recorded with that answer, in
     * the same statements, and its deliver_sm is answered only once that committed (decision 156).
     */
    @Test
    void a_receipt_that_overtakes_the_record_of_its_answer_is_recorded_with_it_once_committed() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        store.claim(token, T, 1);
        store.handingOver(List.of(ref.id()), token, T);
        String providerId = "overtaken-" + ref.id();
        ChannelStore.Unrecorded held = channels.answered(Channel.EMAIL, providerId);
        CompletableFuture<Void> receipt = channels.withItsAnswer(Channel.EMAIL, providerId, ChannelStore.Delivery.DELIVERED,
                T, "stat:DELIVRD").orElseThrow();

        transactions.executeWithoutResult(status -> {
            outcomes.recordSent(List.of(new OutboxOutcomes.Sent(ref.id(), Channel.EMAIL, T, "250 OK", providerId, false,
                    held.receiptWithTheAnswer(List.of()))), token);
            held.recordReceipts();
            assertThat(receipt).as("not answered before the commit").isNotDone();
        });
        held.committed();

        assertThat(receipt).isCompleted();
        assertThat(jdbc.queryForObject("SELECT CONCAT(state, ' ', delivery) FROM notification_message WHERE id = ?",
                String.class, ref.id())).isEqualTo("SENT DELIVERED");
        assertThat(jdbc.queryForList("SELECT outcome FROM notification_attempt WHERE message_id = ? ORDER BY id",
                String.class, ref.id())).containsExactly("SENT", "DELIVERED");
        assertThat(channels.withItsAnswer(Channel.EMAIL, providerId, ChannelStore.Delivery.DELIVERED, T, "again"))
                .as("a later receipt goes to the database").isEmpty();
    }

    @Test
    void a_receipt_held_with_an_answer_whose_commit_failed_is_refused_so_that_the_gateway_sends_it_again() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        store.claim(token, T, 1);
        store.handingOver(List.of(ref.id()), token, T);
        String providerId = "lost-commit-" + ref.id();
        ChannelStore.Unrecorded held = channels.answered(Channel.EMAIL, providerId);
        CompletableFuture<Void> receipt = channels.withItsAnswer(Channel.EMAIL, providerId, ChannelStore.Delivery.DELIVERED,
                T, "stat:DELIVRD").orElseThrow();

        IllegalStateException lost = new IllegalStateException("the connection was lost at the commit");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outcomes.recordSent(List.of(new OutboxOutcomes.Sent(ref.id(), Channel.EMAIL, T, "250 OK", providerId, false,
                    held.receiptWithTheAnswer(List.of()))), token);
            throw lost;
        })).isSameAs(lost);
        held.failed(lost);

        assertThat(receipt).isCompletedExceptionally();
        assertThat(jdbc.queryForObject("SELECT COALESCE(delivery, state) FROM notification_message WHERE id = ?",
                String.class, ref.id())).isEqualTo("SENDING");
        jdbc.update("UPDATE notification_message SET state = 'FAILED' WHERE id = ?", ref.id());
    }

    /**
     * Queued at T while the portal's clock stands an hour earlier, so the scheduled sender does not see it due. The
     * clock goes back before the message is committed: a sender run in between would otherwise find it due.
     */
    @Test
    void a_runtime_error_of_an_adapter_at_open_leaves_the_batch_to_be_tried_again() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        List<OutboxStore.Claimed> claimed = store.claim(token, T, 1);
        assertThat(claimed).extracting(OutboxStore.Claimed::id).containsExactly(ref.id());

        senderWithABrokenAdapter(true).deliver(claimed, token);

        assertThat(state(ref)).as("nothing went out: queued for its next attempt").isEqualTo("RETRY");
        String again = UUID.randomUUID().toString();
        sender.deliver(store.claim(again, T, 1), again);
        assertThat(state(ref)).isEqualTo("SENT");
    }

    @Test
    void a_runtime_error_of_an_adapter_while_sending_makes_the_message_uncertain_not_stuck_sending() {
        MessageRef ref = aMessageOnlyThisTestCanClaim();
        String token = UUID.randomUUID().toString();
        List<OutboxStore.Claimed> claimed = store.claim(token, T, 1);
        assertThat(claimed).extracting(OutboxStore.Claimed::id).containsExactly(ref.id());

        senderWithABrokenAdapter(false).deliver(claimed, token);

        assertThat(state(ref)).isEqualTo("UNCERTAIN");
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).isEmpty();
    }

    /** A sender whose one adapter has a bug of its own: a runtime error at open, or at send after the request left. */
    private OutboxSender senderWithABrokenAdapter(boolean atOpen) {
        ChannelPort broken = new ChannelPort() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public String describe() {
                return "broken://adapter";
            }

            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public Session open() {
                if (atOpen) {
                    throw new IllegalArgumentException("Illegal character in authority");
                }
                return new Session() {
                    @Override
                    public Accepted send(OutboxStore.Claimed message) {
                        throw new IllegalStateException("the library's own failure");
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        return new OutboxSender(store, delivery, recovery, List.of(broken), properties, clock, new SimpleMeterRegistry());
    }

    /**
     * A channel's lanes split its messages by what it throttles (decision 152): an address's e-mails, some of them
     * come down from WhatsApp or SMS with their phones, are all claimed by one e-mail lane, so that lane alone
     * throttles them, and no message is claimed by two lanes.
     */
    @Test
    void an_address_s_e_mails_are_all_in_one_lane_whichever_phone_they_came_down_from() {
        clock.setInstant(T);
        List<Long> ids = transactions.execute(status -> Stream.of("+6281700000001", "+6281700000002", "+6281700000003",
                        null)
                .map(phone -> queue.insert(new OutboxQueue.NewMessage(UUID.randomUUID() + "@test", "lanes@example.id",
                        "test", "id", "Subjek", "Isi", Map.of(), null, T, List.of(), MessageKind.REMINDER),
                        new OutboxQueue.Route(List.of(Channel.EMAIL), phone, List.of())))
                .toList());
        clock.setInstant(T.minus(Duration.ofHours(1)));
        try {
            List<List<Long>> lanes = new ArrayList<>();
            for (int lane = 0; lane < 4; lane++) {
                lanes.add(store.claim(UUID.randomUUID().toString(), T, 10, new OutboxStore.Lane(Channel.EMAIL, lane, 4))
                        .stream().map(OutboxStore.Claimed::id).toList());
            }
            assertThat(lanes).as("the lanes' claims").filteredOn(claimed -> !claimed.isEmpty()).singleElement()
                    .satisfies(claimed -> assertThat(claimed).containsExactlyInAnyOrderElementsOf(ids));
        } finally {
            ids.forEach(id -> jdbc.update("DELETE FROM notification_message WHERE id = ?", id));
        }
    }

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
