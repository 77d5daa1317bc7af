package id.dukcapil.portal.outside;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.outside.SystemState.Status;
import id.dukcapil.portal.outside.internal.OutsideSystemRepository;
import id.dukcapil.portal.shared.tx.RetryingTransactionTemplate;
import id.dukcapil.portal.shared.tx.WriteRetries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The one place that knows each outside system's state, for the whole cluster (decision 198). The code that talks to a
 * system reports each contact (an answer, a refusal of one message included: the system is there) and each failure
 * that means it is away (refused or reset connection, time-out, a 5xx, no SMTP greeting). A change of state is written
 * at once, audited, and so reaches every node's screens; a contact while up is written at most once a minute per
 * system, never per message or signature: the outbox and signing are hot paths.
 */
@Service
public class OutsideSystems {

    private static final Logger log = LoggerFactory.getLogger(OutsideSystems.class);
    /** A contact (or a failure's words) while the state stays is written at most this often per system and node. */
    public static final Duration WRITTEN_AT_MOST_EVERY = Duration.ofMinutes(1);

    private final OutsideSystemRepository store;
    private final AuditLog auditLog;
    private final RetryingTransactionTemplate ownTransaction;
    private final Clock clock;
    /**
     * What this node last wrote of each system, and when: only to spare the table a write per message. It may stay per
     * node: another node's change is written by that node, and this node's next report that differs from what it
     * wrote (or a minute later, the same) writes again, so the table is at most a minute behind this node.
     */
    private final Map<OutsideSystem, Written> written = new ConcurrentHashMap<>();

    OutsideSystems(OutsideSystemRepository store, AuditLog auditLog, PlatformTransactionManager transactions,
                   WriteRetries retries, Clock clock) {
        this.store = store;
        this.auditLog = auditLog;
        this.clock = clock;
        this.ownTransaction = new RetryingTransactionTemplate(transactions, retries);
        // Never in the caller's transaction: a contact made is a contact made, whatever the caller's work becomes.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Written(Status status, Instant at) {

        boolean fresh(Status now, Instant instant) {
            return status == now && !instant.isBefore(at) && instant.isBefore(at.plus(WRITTEN_AT_MOST_EVERY));
        }
    }

    /**
     * The system answered. True when this report brought it back from away (once in the cluster: the caller may then
     * set the work that waited on it going at once).
     */
    public boolean contact(OutsideSystem system) {
        Instant now = clock.instant();
        if (Objects.requireNonNullElse(written.get(system), NEVER).fresh(Status.UP, now)) {
            return false;
        }
        try {
            SystemState before = store.state(system);
            boolean back = Boolean.TRUE.equals(ownTransaction.execute(status -> {
                if (!store.up(system, now)) {
                    store.contact(system, now);
                    return false;
                }
                auditLog.record(AuditRecord.success(before.away() ? "outside.system.back" : "outside.system.first-contact",
                        "OutsideSystem", system.name()).withDetail(before.away()
                        ? "away since %s (%s)".formatted(before.awaySince(), before.lastFailure()) : null));
                return before.away();
            }));
            written.put(system, new Written(Status.UP, now));
            if (back) {
                log.info("{} answers again", system);
            }
            return back;
        } catch (RuntimeException databaseFailed) {
            // Tried again in a minute, not at each message: the database away is the database's alert.
            written.put(system, new Written(Status.UP, now));
            log.warn("{}'s contact could not be recorded: {}", system, databaseFailed.toString());
            return false;
        }
    }

    /** The system is away: the failure in words (never a secret: the callers write what their logs say). */
    public void away(OutsideSystem system, String failure) {
        Instant now = clock.instant();
        if (Objects.requireNonNullElse(written.get(system), NEVER).fresh(Status.AWAY, now)) {
            return;
        }
        String words = failure.length() <= OutsideSystemRepository.FAILURE_MAX_LENGTH ? failure
                : failure.substring(0, OutsideSystemRepository.FAILURE_MAX_LENGTH);
        try {
            boolean gone = Boolean.TRUE.equals(ownTransaction.execute(status -> {
                if (!store.away(system, now, words)) {
                    store.failure(system, words);
                    return false;
                }
                auditLog.record(AuditRecord.success("outside.system.away", "OutsideSystem", system.name())
                        .withOutcome(Outcome.FAILURE).withDetail(words));
                return true;
            }));
            written.put(system, new Written(Status.AWAY, now));
            if (gone) {
                log.warn("{} is away: {}", system, words);
            }
        } catch (RuntimeException databaseFailed) {
            written.put(system, new Written(Status.AWAY, now));
            log.warn("{} is away, and that could not be recorded: {} ({})", system, words, databaseFailed.toString());
        }
    }

    /** Every system's state as the cluster knows it, in the enum's order. */
    public List<SystemState> states() {
        Map<OutsideSystem, SystemState> known = new EnumMap<>(OutsideSystem.class);
        store.states().forEach(state -> known.put(state.system(), state));
        return List.of(OutsideSystem.values()).stream()
                .map(system -> known.getOrDefault(system, SystemState.notContacted(system))).toList();
    }

    public SystemState state(OutsideSystem system) {
        return store.state(system);
    }

    private static final Written NEVER = new Written(Status.NOT_CONTACTED, Instant.EPOCH);
}
