package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.OutpostJournal;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.recording.OutpostDayBundle.Operation;
import id.dukcapil.portal.recording.internal.DayCheckoutEntity;
import id.dukcapil.portal.recording.internal.DayCheckoutRepository;
import id.dukcapil.portal.recording.internal.DayOperationEntity;
import id.dukcapil.portal.recording.internal.DayOperationRepository;
import id.dukcapil.portal.recording.internal.VisitEntity;
import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One step an outpost took at a recording point's desks, applied at the Dinas once (issue 53, decision 200): the
 * operation's id is written first, in the same transaction as its effect, so the same operation arriving again finds
 * it and changes nothing. The visit moves by its own transitions ({@link VisitEntity}), with the outpost's time and
 * operator; the step clocks keep the outpost's time, the audit entry the arrival with the outpost's time in its
 * detail. A recording the register can no longer take (the resident recorded elsewhere meanwhile, gone from the
 * register) is kept with both versions for a supervisor, never written over the register.
 */
@Component
class OutpostDaySteps {

    /** The outpost's take of a day, as its own log names it: the journal joined must open with it. */
    static final String TAKEN = "outpost.day.taken";

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** What became of one operation. */
    enum Result { APPLIED, ALREADY_APPLIED, RECONCILE }

    private final DayOperationRepository operations;
    private final DayCheckoutRepository checkouts;
    private final OutpostJournal journals;
    private final VisitRepository visits;
    private final PopulationRegistry registry;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final Clock clock;

    OutpostDaySteps(DayOperationRepository operations, DayCheckoutRepository checkouts, OutpostJournal journals,
                    VisitRepository visits, PopulationRegistry registry,
                    StepClock stepClock, AuditLog auditLog, Clock clock) {
        this.operations = operations;
        this.checkouts = checkouts;
        this.journals = journals;
        this.visits = visits;
        this.registry = registry;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Whether the operation was taken before (by an earlier arrival). */
    @Transactional(readOnly = true)
    boolean taken(Operation operation) {
        return operations.existsById(operation.id().toString());
    }

    /**
     * One visit's steps of an arrival, in their order, in one transaction: the visit's whole run of the day commits
     * together (one commit, not one per step), its operations' ids with it, so the same steps again find them all.
     * Anything that would roll one step back rolls the whole run back: the caller then applies its steps one by one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    List<Result> applyVisit(DayCheckoutEntity checkout, List<Operation> steps) {
        Set<String> taken = new HashSet<>(operations.existing(steps.stream().map(step -> step.id().toString())
                .toList()));
        List<Result> results = new ArrayList<>(steps.size());
        for (Operation step : steps) {
            results.add(taken.contains(step.id().toString()) ? Result.ALREADY_APPLIED : applyHere(checkout, step));
        }
        return results;
    }

    /** One step in a transaction of its own: how a visit's run is applied after it could not be as a whole. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Result apply(DayCheckoutEntity checkout, Operation operation) {
        if (operations.existsById(operation.id().toString())) {
            return Result.ALREADY_APPLIED;
        }
        return applyHere(checkout, operation);
    }

    private Result applyHere(DayCheckoutEntity checkout, Operation operation) {
        // The id first: a second arrival of the same operation at this moment waits on the key and fails.
        DayOperationEntity row = operations.saveAndFlush(new DayOperationEntity(operation.id().toString(),
                checkout.id(), operation.step().name(), operation.visitKey().toString(), operation.staff(),
                operation.at(), clock.instant()));
        // Said as a supervisor reads it on the held list: the outpost, its time in the office's zone, the operator.
        String where = checkout.outpost() + ", " + SHOWN.format(operation.at().atZone(clock.getZone())) + ", "
                + operation.staff();
        String takenBack = checkouts.findSharedById(checkout.id()).map(DayCheckoutEntity::takenBack).orElse(null);
        if (takenBack != null) {
            // The day was taken back before this arrived: the Dinas's desks may have gone on; a supervisor decides.
            row.reconcile(null, operation.step() + " " + where, takenBack);
            auditLog.record(AuditRecord.success("recording.outpost.conflict", "RecordingVisit",
                    operation.visitKey().toString()).withDetail(operation.step() + "; " + takenBack));
            return Result.RECONCILE;
        }
        if (operation.step() == OutpostDayBundle.Step.BEGUN) {
            return begin(checkout, operation, row, where);
        }
        Optional<Long> visitId = operations.visitOf(checkout.id(), operation.visitKey().toString());
        if (visitId.isEmpty()) {
            row.reconcile(null, operation.step() + " " + where, "its visit was not taken into the register");
            auditLog.record(AuditRecord.success("recording.outpost.conflict", "RecordingVisit",
                    operation.visitKey().toString()).withDetail(operation.step() + "; its visit not taken"));
            return Result.RECONCILE;
        }
        VisitEntity visit = visits.findLockedById(visitId.get()).orElseThrow();
        try {
            @Nullable String conflict = move(visit, operation, checkout);
            visits.flush(); // the visit's unique numbers meet here, inside this operation's own transaction
            if (conflict != null) {
                row.reconcile(visit.id(), operation.step() + " " + visit.ticket() + " " + where, conflict);
                auditLog.record(AuditRecord.success("recording.outpost.conflict", "RecordingVisit",
                        String.valueOf(visit.id())).withDetail(operation.step() + "; " + where + "; " + conflict));
                return Result.RECONCILE;
            }
        } catch (RuleViolation notFromThisState) {
            // A step the visit's state does not allow (a bundle made by something other than the portal's outpost):
            // kept for a supervisor with the state, the visit unchanged.
            row.reconcile(visit.id(), operation.step() + " " + where, "the visit stands " + visit.state());
            return Result.RECONCILE;
        }
        row.applied(visit.id());
        auditLog.record(AuditRecord.success("recording.outpost." + operation.step().name().toLowerCase()
                .replace('_', '-'), "RecordingVisit", String.valueOf(visit.id())).withDetail(where
                + (operation.text() == null ? "" : "; " + operation.text())));
        return Result.APPLIED;
    }

    /**
     * The numbers and proofs the bundle gave out are spent at the Dinas: its counters move on to the highest of them
     * (never back). Once per arrival, before its steps; again changes nothing.
     */
    @Transactional
    void numbersSpent(DayCheckoutEntity checkout, OutpostDayBundle bundle) {
        bundle.operations().stream().filter(operation -> operation.step() == OutpostDayBundle.Step.QUEUED)
                .mapToInt(operation -> required(operation.number())).max()
                .ifPresent(last -> visits.numberTaken(checkout.servicePoint(), checkout.day(), last));
        bundle.operations().stream().filter(operation -> operation.step() == OutpostDayBundle.Step.RECORDED)
                .mapToInt(operation -> required(operation.number())).max()
                .ifPresent(last -> visits.proofTaken(checkout.servicePoint(), checkout.day().getYear(), last));
    }

    /**
     * An operation the Dinas could not apply (its transaction rolled back): kept, in a transaction of its own, for a
     * supervisor with the reason, and audited; the same operation again finds it kept.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Result keepUnapplied(DayCheckoutEntity checkout, OutpostDayBundle.Operation operation, RuntimeException why) {
        if (operations.existsById(operation.id().toString())) {
            return Result.ALREADY_APPLIED;
        }
        DayOperationEntity row = new DayOperationEntity(operation.id().toString(), checkout.id(),
                operation.step().name(), operation.visitKey().toString(), operation.staff(), operation.at(),
                clock.instant());
        Long visit = operation.step() == OutpostDayBundle.Step.BEGUN ? null
                : operations.visitOf(checkout.id(), operation.visitKey().toString()).orElse(null);
        String reason = why instanceof RuleViolation refused ? String.join(",", refused.messageKeys())
                : why.getClass().getSimpleName();
        row.reconcile(visit, operation.step() + " " + SHOWN.format(operation.at().atZone(clock.getZone())) + ", "
                + operation.staff() + ", outpost "
                + checkout.outpost(), "not applied at the Dinas: " + reason);
        operations.saveAndFlush(row);
        auditLog.record(AuditRecord.success("recording.outpost.conflict", "RecordingVisit",
                visit == null ? operation.visitKey().toString() : String.valueOf(visit))
                .withDetail(operation.step() + "; not applied: " + reason));
        return Result.RECONCILE;
    }

    /**
     * The day is the Dinas's again: the checkout turns BACK at its first complete arrival (audited with the counts);
     * a later arrival of the same bundle is audited as a repeat and changes nothing.
     */
    @Transactional
    OutpostDays.DayCheckIn finish(long checkoutId, OutpostDays.DayCheckIn counted, OutpostDayBundle bundle) {
        DayCheckoutEntity checkout = checkouts.findLockedById(checkoutId).orElseThrow();
        boolean first = checkout.checkedInAt() == null; // out, or taken back and nothing arrived since
        checkout.checkedIn(clock.instant());
        // The outpost's own log since it took the day joins the Dinas's, once (decision 199's journal, one code).
        if (first) {
            OutpostJournal.Target joined = new OutpostJournal.Target("recording.outpost.journal", "RecordingCheckout",
                    String.valueOf(checkoutId), checkout.outpost(), TAKEN, "ServicePoint:" + checkout.servicePoint());
            checkout.journalJoined(journals.join(joined, bundle.journal(), bundle.journalBrokenAt(),
                    bundle.journalNotSent()));
        }
        String detail = "outpost=" + checkout.outpost() + "; day=" + checkout.day() + "; applied=" + counted.applied()
                + "; already=" + counted.alreadyApplied() + "; to reconcile=" + counted.toReconcile()
                + "; operations=" + operations.countByCheckoutId(checkoutId);
        auditLog.record(AuditRecord.success(first ? "recording.day.checked-in" : "recording.day.check-in-repeated",
                "ServicePoint", checkout.servicePoint()).withDetail(detail));
        return new OutpostDays.DayCheckIn(checkoutId, counted.applied(), counted.alreadyApplied(),
                counted.toReconcile(), first, checkout.journalEntries());
    }

    private Result begin(DayCheckoutEntity checkout, Operation operation, DayOperationEntity row, String where) {
        Nik nik = Nik.of(operation.nik() == null ? "" : operation.nik());
        Optional<Resident> resident = registry.findByNik(nik);
        if (resident.isEmpty()) {
            row.reconcile(null, "visit of " + nik.masked() + " begun " + where, "not in the register");
            auditLog.record(AuditRecord.success("recording.outpost.conflict", "RecordingVisit",
                    operation.visitKey().toString())
                    .withDetail("BEGUN; nik=" + nik.masked() + "; not in the register"));
            return Result.RECONCILE;
        }
        Instant since = operation.since() == null || operation.since().isAfter(operation.at()) ? operation.at()
                : operation.since();
        VisitEntity visit = visits.saveAndFlush(new VisitEntity(checkout.servicePoint(), checkout.day(),
                nik.value(), resident.get().fullName(), operation.staff(), since));
        CaseRef caseRef = RecordingClocks.caseRef(visit.id());
        stepClock.enter(caseRef, SopStep.C1_DOCUMENTS_HANDED_OVER, since, operation.staff(), checkout.servicePoint());
        stepClock.leave(caseRef, SopStep.C1_DOCUMENTS_HANDED_OVER, operation.at(), operation.staff());
        stepClock.enter(caseRef, SopStep.C2_REGISTRATION_CHECK, operation.at(), operation.staff(),
                checkout.servicePoint());
        row.applied(visit.id());
        auditLog.record(AuditRecord.success("recording.outpost.begun", "RecordingVisit", String.valueOf(visit.id()))
                .withDetail("nik=" + nik.masked() + "; " + where));
        return Result.APPLIED;
    }

    /** The visit moved by the step, with its clocks; a conflict with the register in words, or none. */
    private @Nullable String move(VisitEntity visit, Operation operation, DayCheckoutEntity checkout) {
        CaseRef caseRef = RecordingClocks.caseRef(visit.id());
        Instant at = operation.at();
        String by = operation.staff();
        String text = operation.text() == null ? "" : operation.text();
        switch (operation.step()) {
            case BEGUN -> throw new IllegalStateException("begun is its own case");
            case CLOSED_UNFINISHED, CLOSED -> {
                VisitState leftIn = visit.state();
                visit.close(at, by);
                stepClock.openStep(caseRef).ifPresent(open -> stepClock.abandonIfOpen(caseRef, open.step(), at, by,
                        (operation.step() == OutpostDayBundle.Step.CLOSED ? "day closed, " : "left unfinished, ")
                                + leftIn));
            }
            case DOCUMENTS_RETURNED -> {
                visit.returnDocuments(text, at);
                leave(caseRef, SopStep.C2_REGISTRATION_CHECK, at, by, null);
            }
            case DOCUMENTS_IN_ORDER -> visit.documentsInOrder();
            case FOUND_RECORDED -> {
                visit.foundRecorded(text, at);
                leave(caseRef, SopStep.C2_REGISTRATION_CHECK, at, by, operation.note());
            }
            case QUEUED -> {
                int number = required(operation.number());
                visit.queue(number, text, operation.priority(), at);
                visits.numberTaken(checkout.servicePoint(), checkout.day(), number);
                leave(caseRef, SopStep.C2_REGISTRATION_CHECK, at, by, operation.note());
            }
            case CALLED -> {
                visit.call(text, by, at);
                stepClock.enter(caseRef, SopStep.C3_RECORDING, at, by, checkout.servicePoint());
            }
            case TAKEN_OVER -> visit.takeOver(text, by, at);
            case RECALLED -> visit.recall(at);
            case ABSENT -> {
                visit.markAbsent();
                stepClock.abandonIfOpen(caseRef, SopStep.C3_RECORDING, at, by, "absent when called");
            }
            case BROUGHT_BACK -> visit.bringBack(at);
            case RECORDED -> {
                return recorded(visit, operation, checkout, caseRef);
            }
            case FAILED -> {
                visit.sendBack(by, text, operation.technical());
                leave(caseRef, SopStep.C3_RECORDING, at, by, operation.technical() ? text : null);
            }
            case REQUEUED -> visit.requeue(at);
            case PROOF_HANDED -> {
                visit.handProof(at);
                leave(caseRef, SopStep.C4_PROOF_HANDED_OVER, at, by, null);
            }
        }
        return null;
    }

    /**
     * Recorded on the outpost: the visit keeps the proof the resident was handed there; the register's KTP-el record
     * moves on unless it moved meanwhile (recorded at another point, gone), which is the conflict returned.
     */
    private @Nullable String recorded(VisitEntity visit, Operation operation, DayCheckoutEntity checkout,
                                      CaseRef caseRef) {
        // The token the outpost printed on the proof's QR: the same, from the checkout's secret and this operation.
        visit.record(operation.staff(), operation.at(), operation.text() == null ? "" : operation.text(),
                OutpostDayBundle.proofToken(checkout.secret(), operation.id()));
        visits.proofTaken(checkout.servicePoint(), checkout.day().getYear(), required(operation.number()));
        leave(caseRef, SopStep.C3_RECORDING, operation.at(), operation.staff(), operation.note());
        stepClock.enter(caseRef, SopStep.C4_PROOF_HANDED_OVER, operation.at(), operation.staff(),
                checkout.servicePoint());
        Nik nik = Nik.of(visit.nik());
        Optional<EnrolmentStatus> status = registry.findByNik(nik).map(Resident::enrolmentStatus);
        if (status.isEmpty()) {
            return "not in the register";
        }
        if (!status.get().canMoveTo(EnrolmentStatus.BIOMETRICS_CAPTURED)) {
            return "KTP-el record already " + status.get().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " at the Dinas";
        }
        registry.changeEnrolmentStatus(nik, EnrolmentStatus.BIOMETRICS_CAPTURED, "SOP C: recorded at "
                + checkout.servicePoint() + " on outpost " + checkout.outpost() + " (" + operation.text() + ")");
        return null;
    }

    /**
     * Leaves the step if the case is in it; after a technical fault (named) an overrun is excused. A laptop's clock set
     * back during the day may put the end before the start: it ends where it started, never refused (a refusal here
     * would stop the day's bundle for good).
     */
    private void leave(CaseRef caseRef, SopStep step, Instant at, String by, @Nullable String fault) {
        Optional<Instant> started = stepClock.openStep(caseRef).filter(open -> open.step() == step)
                .map(open -> open.startedAt());
        if (started.isEmpty()) {
            return;
        }
        Instant end = at.isBefore(started.get()) ? started.get() : at;
        if (fault == null || fault.isBlank()) {
            stepClock.leave(caseRef, step, end, by);
        } else {
            stepClock.leaveExcused(caseRef, step, end, by, "technical failure: " + fault);
        }
    }

    private static int required(@Nullable Integer number) {
        if (number == null) {
            throw new IllegalArgumentException("a number is checked before the bundle is applied");
        }
        return number;
    }
}
