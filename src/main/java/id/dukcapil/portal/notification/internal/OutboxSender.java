package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due messages, run by run: each channel drains in lanes of its own, at once (decision 152), a lane claiming
 * a batch (committed as SENDING before anything goes out) and handing it over by {@link ChannelDelivery}. A run
 * begins by putting right what a stopped sender left ({@link OutboxRecovery}); at most once, never silently lost
 * (docs/decisions/020-outbox-delivery-guarantee.md).
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** How soon a lane with nothing due looks again while another lane of its run is busy. */
    private static final long IDLE_LANE_LOOKS_AGAIN_MILLIS = 200;
    /** A run's lanes: a few platform threads for the run's length (each holds a connection only while it commits). */
    private static final ThreadFactory LANE_THREADS = Thread.ofPlatform().name("outbox-lane-", 0).daemon().factory();

    private final OutboxStore store;
    private final ChannelDelivery delivery;
    private final OutboxRecovery recovery;
    private final Map<Channel, ChannelPort> ports = new EnumMap<>(Channel.class);
    private final NotificationProperties properties;
    private final Clock clock;
    /**
     * Each run on this node, failed ones too: an operator sees the sender alive and how long its runs take, and a
     * test waits for runs to have happened instead of sleeping (issue 50).
     */
    private final Timer runs;

    OutboxSender(OutboxStore store, ChannelDelivery delivery, OutboxRecovery recovery, List<ChannelPort> ports,
                 NotificationProperties properties, Clock clock, MeterRegistry meters) {
        this.runs = Timer.builder("portal.outbox.sender.runs").description("Runs of the outbox sender on this node")
                .register(meters);
        this.store = store;
        this.delivery = delivery;
        this.recovery = recovery;
        ports.forEach(port -> this.ports.put(port.channel(), port));
        this.properties = properties;
        this.clock = clock;
        this.ports.values().forEach(port -> log.info("The outbox's {} channel: {}", port.channel(),
                port.configured() ? port.describe() : "not configured, passed over"));
    }

    /**
     * Once per interval in the whole cluster (ShedLock, held at least the interval: a node whose schedule fires a
     * moment after another's finds it taken); the claim keeps two runs apart even without the lock. So the lock lasts
     * at most as long as a claim's lease: a node killed in a run holds up the others' mail 90 s, not 10 minutes.
     */
    @Scheduled(fixedDelayString = "${portal.notification.sender.interval}",
            initialDelayString = "${portal.notification.sender.interval}")
    @SchedulerLock(name = "notification-outbox-sender", lockAtMostFor = "PT90S",
            lockAtLeastFor = "${portal.notification.sender.interval}")
    void scheduledRun() {
        deliverDue();
    }

    /**
     * One run: every message due now, batch by batch, within the run's budget, each channel's lanes at once (decision
     * 152: WhatsApp, SMS and e-mail are independent peers, and a channel with a window has as many lanes). Returns how
     * many were sent.
     */
    public int deliverDue() {
        Integer sent = runs.record(this::deliverDueNow);
        return sent == null ? 0 : sent;
    }

    private int deliverDueNow() {
        recovery.replayJournalOnce();
        NotificationProperties.Sender settings = properties.sender();
        recovery.recoverAbandoned(clock.instant().minus(settings.lease()));
        long stopClaimingAt = System.nanoTime() + settings.runBudget().toNanos();
        List<OutboxStore.Lane> lanes = new ArrayList<>();
        ports.values().forEach(port -> {
            int window = port.configured() ? port.window() : 1;
            IntStream.range(0, window).forEach(index -> lanes.add(new OutboxStore.Lane(port.channel(), index, window)));
        });
        AtomicInteger busyLanes = new AtomicInteger(lanes.size());
        try (ExecutorService laneThreads = Executors.newThreadPerTaskExecutor(LANE_THREADS)) {
            List<Future<Integer>> running = lanes.stream()
                    .map(lane -> laneThreads.submit(() -> drain(lane, stopClaimingAt, busyLanes))).toList();
            int sent = 0;
            RuntimeException failed = null;
            for (Future<Integer> lane : running) {
                try {
                    sent += lane.get();
                } catch (ExecutionException e) {
                    // The other lanes finish their batches; the run then fails as a one-lane run would have.
                    failed = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return sent;
                }
            }
            if (failed != null) {
                throw failed;
            }
            return sent;
        }
    }

    /**
     * One lane until the run's budget is spent, the database failed, or neither it nor any other lane of the run has
     * anything due. A lane with nothing due looks again shortly while another lane is still busy: the
     * run ends only with its slowest lane, and messages queued meanwhile on an idle lane's channel must not wait
     * for that (an SMS queued a moment after a run began waited a whole WhatsApp drain).
     */
    private int drain(OutboxStore.Lane lane, long stopClaimingAt, AtomicInteger busyLanes) {
        int batchSize = properties.sender().batchSize();
        int sent = 0;
        boolean busy = true;
        try {
            while (true) {
                String token = UUID.randomUUID().toString();
                List<OutboxStore.Claimed> batch = store.claim(token, clock.instant(), batchSize, lane);
                if (batch.isEmpty()) {
                    if (busy) {
                        busy = false;
                        busyLanes.decrementAndGet();
                    }
                    if (busyLanes.get() == 0 || System.nanoTime() > stopClaimingAt) {
                        return sent;
                    }
                    Thread.sleep(IDLE_LANE_LOOKS_AGAIN_MILLIS);
                    continue;
                }
                if (!busy) {
                    busy = true;
                    busyLanes.incrementAndGet();
                }
                ChannelDelivery.Run run = delivery.deliverOn(ports.get(lane.channel()), batch, token);
                sent += run.sent();
                // The provider away: one try per lane and run, not one per batch of the whole queue (decision 198).
                if (run.databaseFailed() || run.away() || System.nanoTime() > stopClaimingAt) {
                    return sent;
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return sent;
        } finally {
            if (busy) {
                busyLanes.decrementAndGet();
            }
        }
    }

    int deliver(List<OutboxStore.Claimed> batch, String token) {
        Map<Channel, List<OutboxStore.Claimed>> byChannel = new LinkedHashMap<>();
        batch.forEach(message -> byChannel.computeIfAbsent(message.way().channel(), c -> new ArrayList<>()).add(message));
        int sent = 0;
        List<List<OutboxStore.Claimed>> groups = new ArrayList<>(byChannel.values());
        for (int g = 0; g < groups.size(); g++) {
            List<OutboxStore.Claimed> group = groups.get(g);
            ChannelDelivery.Run run = delivery.deliverOn(ports.get(group.getFirst().way().channel()), group, token);
            sent += run.sent();
            if (run.databaseFailed()) {
                groups.subList(g + 1, groups.size())
                        .forEach(rest -> store.release(ChannelDelivery.ids(rest), token, clock.instant()));
                return sent;
            }
        }
        return sent;
    }
}
