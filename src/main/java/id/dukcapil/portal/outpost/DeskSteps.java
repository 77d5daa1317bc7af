package id.dukcapil.portal.outpost;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.outpost.internal.DataKey;
import id.dukcapil.portal.outpost.internal.DayResidentEntity;
import id.dukcapil.portal.outpost.internal.DayResidentRepository;
import id.dukcapil.portal.outpost.internal.DayStepEntity;
import id.dukcapil.portal.outpost.internal.DayStepRepository;
import id.dukcapil.portal.outpost.internal.DayVisitEntity;
import id.dukcapil.portal.outpost.internal.DayVisitRepository;
import id.dukcapil.portal.outpost.internal.OutpostVault;
import id.dukcapil.portal.outpost.internal.TakenDayEntity;
import id.dukcapil.portal.outpost.internal.TakenDayRepository;
import id.dukcapil.portal.recording.OutpostDay;
import id.dukcapil.portal.recording.OutpostDayBundle;
import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the outpost's two SOP C desks share (issue 53, decision 200): the day held, read; a step taken on it under its
 * row's lock, within the checkout's limits, by an operator carried with the day, kept as an operation in the same
 * transaction as the visit's change and the outpost's audit entry; a resident's sealed data opened.
 */
@Component
class DeskSteps {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TakenDayRepository days;
    private final DayResidentRepository residents;
    private final DayVisitRepository visits;
    private final DayStepRepository steps;
    private final OutpostVault vault;
    private final OutpostProperties settings;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeskSteps(TakenDayRepository days, DayResidentRepository residents, DayVisitRepository visits,
             DayStepRepository steps, OutpostVault vault, OutpostProperties settings, AuditLog auditLog,
             CurrentActor currentActor, TransactionTemplate transactions, Clock clock) {
        this.days = days;
        this.residents = residents;
        this.visits = visits;
        this.steps = steps;
        this.vault = vault;
        this.settings = settings;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A step being taken: the day held, locked, and the operations it makes. */
    final class Taking {

        private final TakenDayEntity day;
        private final String operator;
        private final Instant now;

        private Taking(TakenDayEntity day, String operator, Instant now) {
            this.day = day;
            this.operator = operator;
            this.now = now;
        }

        TakenDayEntity day() {
            return day;
        }

        String operator() {
            return operator;
        }

        Instant now() {
            return now;
        }

        /** The visit of the day held, locked. */
        DayVisitEntity visit(UUID key) {
            return visits.findLocked(key.toString()).filter(visit -> visit.checkoutId() == day.checkoutId())
                    .orElseThrow(() -> new RuleViolation("outpost.day.visit-unknown"));
        }

        /** The step kept as an operation in its place, audited here with the outpost's time. */
        void keep(OutpostDayBundle.Operation operation) {
            int position = (int) steps.countByCheckoutId(day.checkoutId()) + 1;
            steps.saveAndFlush(new DayStepEntity(day.checkoutId(), position, operation, vault.key()));
            auditLog.record(AuditRecord.success("outpost.day.step", "RecordingVisit", operation.visitKey().toString())
                    .withDetail("step=" + operation.step() + "; operation=" + operation.id()
                            + (operation.text() == null || operation.nik() != null ? "" : "; " + operation.text())));
        }

        OutpostDayBundle.Operation operation(OutpostDayBundle.Step step, DayVisitEntity visit, @Nullable String nik,
                                             @Nullable Instant since, @Nullable Integer number, @Nullable String text,
                                             @Nullable String note, @Nullable Priority priority, boolean technical) {
            return new OutpostDayBundle.Operation(UUID.randomUUID(), step, now, operator, visit.key(), nik, since,
                    number, text, note, priority, technical);
        }

        OutpostDayBundle.Operation operation(OutpostDayBundle.Step step, DayVisitEntity visit) {
            return operation(step, visit, null, null, null, null, null, null, false);
        }
    }

    /** A technical fault as a desk typed it: blank is none; too long is refused in the Dinas's desk's words. */
    static @Nullable String fault(@Nullable String typed) {
        String fault = typed == null ? "" : typed.strip();
        if (fault.length() > 200) {
            throw new RuleViolation("recording.error.fault");
        }
        return fault.isEmpty() ? null : fault;
    }

    /** The day held here (out, or its bundle on the way), if any. */
    Optional<TakenDayEntity> held() {
        return days.held();
    }

    /**
     * A step on the day held, in one transaction under its row's lock: none while its bundle is on the way, none by
     * an account not carried with the day, none past the checkout's limits.
     */
    <T> T take(Function<Taking, T> step) {
        return transactions.execute(status -> {
            TakenDayEntity day = days.heldLocked().orElseThrow(() -> new RuleViolation("outpost.day.nothing-out"));
            if (day.status() == TakenDayEntity.Status.SENDING) {
                throw new RuleViolation("outpost.error.sending");
            }
            String operator = currentActor.get().id();
            if (!day.operators().contains(operator)) {
                throw new RuleViolation("outpost.day.not-carried", operator);
            }
            Instant now = clock.instant();
            if (now.isAfter(dueBack(day))) {
                throw new RuleViolation("outpost.day.past-time");
            }
            if (steps.countByCheckoutId(day.checkoutId()) >= settings.maxWaiting()) {
                throw new RuleViolation("outpost.error.too-many", settings.maxWaiting());
            }
            T result = step.apply(new Taking(day, operator, now));
            days.saveAndFlush(day);
            return result;
        });
    }

    /**
     * After it the desks take no new step: the checkout's limit ({@code max-out}), and at the latest the day's end in
     * the office's time zone (the Dinas files every step under the day taken, and a resident's eligibility was packed
     * for it). Sending back is allowed at any time.
     */
    /** A step that moves one visit and says nothing more: the visit moved at the step's time, kept, shown. */
    DayDesks.Visit move(UUID visitKey, OutpostDayBundle.Step step, java.util.function.BiConsumer<DayVisitEntity,
            Instant> change) {
        return take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            change.accept(visit, taking.now());
            taking.keep(taking.operation(step, visit));
            return view(visit);
        });
    }

    Instant dueBack(TakenDayEntity day) {
        Instant limit = day.checkedOutAt().plus(settings.maxOut());
        Instant dayEnds = day.day().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return limit.isBefore(dayEnds) ? limit : dayEnds;
    }

    int waiting(TakenDayEntity day) {
        return (int) steps.countByCheckoutId(day.checkoutId());
    }

    /** What the package said of the resident, sealed here as it came. */
    static String sealable(OutpostDay.Packed packed) {
        return JSON.writeValueAsString(packed);
    }

    /** A resident's sealed data, opened. */
    OutpostDay.Packed opened(DayResidentEntity resident) {
        return JSON.readValue(resident.opened(vault.key()), OutpostDay.Packed.class);
    }

    /** A NIK's keyed hash for the day: how its resident is found. */
    String index(long checkoutId, String nik) {
        return key().index(nik, "outpost_day_resident.nik:" + checkoutId);
    }

    DataKey key() {
        return vault.key();
    }

    Optional<DayResidentEntity> resident(long checkoutId, String nik) {
        return residents.findByCheckoutIdAndNikIndex(checkoutId, index(checkoutId, nik));
    }

    DayResidentEntity residentOf(DayVisitEntity visit) {
        return residents.findById(visit.residentId()).orElseThrow();
    }

    /** A visit as the desks show it, its resident's name and NIK opened. */
    DayDesks.Visit view(DayVisitEntity visit) {
        OutpostDay.Packed resident = residents.findById(visit.residentId()).map(this::opened).orElseThrow();
        return new DayDesks.Visit(visit.key(), resident.nik(), resident.fullName(), visit.state(), visit.ticket(),
                visit.priority(), visit.requeued(), visit.desk(), visit.calledAt(), visit.calledBy(),
                visit.proofNumber(), visit.returnReasons(), visit.explanation(), visit.failureReason(),
                visit.registeredBy(), visit.startedAt(), visit.endedAt());
    }
}
