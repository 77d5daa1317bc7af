package id.dukcapil.portal.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.AuditTestSupport;
import id.dukcapil.portal.shared.live.Change;
import id.dukcapil.portal.shared.live.LiveChanges;
import id.dukcapil.portal.staff.StaffAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Decision 139: whatever the audit chain records, on any node, reaches the listeners it concerns, and no other. */
@PortalTest
class ChangeFeedTests {

    @Autowired LiveChanges live;
    @Autowired AuditLog audit;
    @Autowired TransactionTemplate transactions;
    @Autowired AuditTestSupport chain;
    @Autowired MeterRegistry meters;

    /** The desk's point, of its own: no other test's changes are at it. */
    private static String point;

    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @Test
    void an_action_reaches_the_listeners_it_concerns_once_committed_and_not_the_others() throws Exception {
        CopyOnWriteArrayList<Long> heardAt = new CopyOnWriteArrayList<>();
        AtomicInteger othersHeard = new AtomicInteger();
        Actor desk = new Actor(Actor.Type.STAFF, "feed-test", null, Set.of(), point);
        try (LiveChanges.Subscription board = live.listen(
                     change -> change.action().equals("feedtest.called") && change.at(point),
                     () -> heardAt.add(System.nanoTime()));
             LiveChanges.Subscription elsewhere = live.listen(
                     change -> change.action().startsWith("feedtest.") && !change.at(point),
                     othersHeard::incrementAndGet)) {
            long done = System.nanoTime();
            AtomicLong waited = new AtomicLong();
            transactions.executeWithoutResult(status -> {
                audit.record(desk, AuditRecord.success("feedtest.called", "Visit", "1"));
                long reading = System.nanoTime();
                new FeedReads(meters).awaitWhole(1); // not committed yet: nothing to tell
                waited.set(System.nanoTime() - reading);
                assertThat(heardAt).as("before the commit").isEmpty();
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (heardAt.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(heardAt).as("told once").hasSize(1);
            System.out.printf("CHANGE FEED commit → listener %d ms%n",
                    (heardAt.getFirst() - done - waited.get()) / 1_000_000);
            assertThat(othersHeard).hasValue(0);
        }
        assertThat(Change.inModules("kkprint", "signing").test(new Change("signing.document.signed", null, null, null)))
                .isTrue();
        assertThat(Change.inModules("kkprint").test(new Change("kkprintx.other", null, null, null))).isFalse();
    }

    @Test
    void a_chain_that_went_back_a_restored_database_is_followed_from_its_head_on() throws Exception {
        audit.record(Actor.system("feed-test"), AuditRecord.success("feedtest.before", "Visit", "3"));
        new FeedReads(meters).awaitWhole(1); // read by the feed
        chain.emptyTheChain();
        new FeedReads(meters).awaitWhole(1); // the feed has seen the chain go back
        CopyOnWriteArrayList<Long> heard = new CopyOnWriteArrayList<>();
        try (LiveChanges.Subscription listening = live.listen(change -> change.action().equals("feedtest.after"),
                () -> heard.add(System.nanoTime()))) {
            audit.record(Actor.system("feed-test"), AuditRecord.success("feedtest.after", "Visit", "4"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (heard.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(heard).as("told of the first entry after the restore").hasSize(1);
        }
    }

    @Test
    void a_listener_that_closed_is_told_nothing_more() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        LiveChanges.Subscription gone = live.listen(change -> change.action().equals("feedtest.gone"),
                heard::incrementAndGet);
        gone.close();
        AtomicInteger stillListening = new AtomicInteger();
        try (LiveChanges.Subscription open = live.listen(change -> change.action().equals("feedtest.gone"),
                stillListening::incrementAndGet)) {
            audit.record(Actor.system("feed-test"), AuditRecord.success("feedtest.gone", "Visit", "2"));
            // The feed has handed the entry on: a listener still open heard it.
            await().atMost(Duration.ofSeconds(5)).until(() -> stillListening.get() == 1);
        }
        assertThat(heard).hasValue(0);
    }
}
