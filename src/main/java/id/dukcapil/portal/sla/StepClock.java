package id.dukcapil.portal.sla;

import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.internal.StandardRepository;
import id.dukcapil.portal.sla.internal.StepStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one step-clock API of every SOP: a case enters a step and leaves it, at a time, by someone, at a service
 * point. Calls join the caller's transaction, so a step is recorded exactly when the action that moves the case
 * commits. The modules running the SOPs guard who may move a case; this service records what they tell it:
 * <pre>{@code
 * CaseRef request = new CaseRef(Procedure.B_KK_PRINT, requestId);
 * stepClock.move(request, SopStep.B6_OPERATOR_CHECK, SopStep.B7_VERIFICATION, clock.instant(), username, servicePoint);
 * }</pre>
 */
@Service
public class StepClock {

    /** How far the nodes' clocks may disagree (they are kept by NTP): an end this much before its start is skew. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final StepStore steps;
    private final StandardRepository standards;
    private final Clock clock;

    StepClock(StepStore steps, StandardRepository standards, Clock clock) {
        this.steps = steps;
        this.standards = standards;
        this.clock = clock;
    }

    /**
     * The case starts the step at {@code at}, held against the standard in force on that (office-local) day.
     * Refused if the step is not one of the case's procedure ({@code sla.step.wrong-procedure}) or the case is
     * already in it ({@code sla.step.already-open}).
     */
    @Transactional
    public StepRecord enter(CaseRef caseRef, SopStep step, Instant at, String actor, @Nullable String servicePoint) {
        return open(caseRef, step, at, actor, servicePoint, false);
    }

    /**
     * The case comes into an inbox for the step (a KK request submitted, or sent back to the operators): the step's
     * clock starts only when an officer {@link #take takes} it, and the time between is the case's wait, counted apart
     * ({@link DaySteps#waits}). No overdue list counts a step still waiting. Refused as {@link #enter} is.
     */
    @Transactional
    public StepRecord queue(CaseRef caseRef, SopStep step, Instant at, String actor, @Nullable String servicePoint) {
        return open(caseRef, step, at, actor, servicePoint, true);
    }

    /** A new open step of the case, running or waiting, against the standard in force on its day. */
    private StepRecord open(CaseRef caseRef, SopStep step, Instant at, String actor, @Nullable String servicePoint,
                            boolean waiting) {
        checkProcedure(caseRef, step);
        if (steps.openStepForUpdate(caseRef, step).isPresent()) {
            throw new RuleViolation("sla.step.already-open", caseRef.caseId(), step.name());
        }
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        Duration standard = standards.inForce(caseRef.procedure(), step, day)
                .orElseThrow(() -> new IllegalStateException("No standard time for " + step + " on " + day));
        long id = waiting ? steps.insertWaiting(caseRef, step, at, actor, servicePoint, standard, day)
                : steps.insert(caseRef, step, at, actor, servicePoint, standard, day);
        return new StepRecord(id, caseRef, step, at, actor, servicePoint, standard, null, null, null);
    }

    /**
     * An officer takes the case waiting in the step's inbox: its clock starts now, and they hold it. The step taken
     * before and given back ({@link #hold} with nobody) keeps its first start: the check had begun, and the time it
     * lies in the inbox again is the office's. Empty if the clock did not start now (not waiting, or not open).
     */
    @Transactional
    public Optional<StepRecord> take(CaseRef caseRef, SopStep step, Instant at, String actor) {
        checkProcedure(caseRef, step);
        Optional<StepRecord> open = steps.openStepForUpdate(caseRef, step);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        StepRecord waiting = open.get();
        if (!steps.take(waiting.id(), at, actor)) {
            steps.hold(caseRef, step, actor);
            return Optional.empty();
        }
        return Optional.of(new StepRecord(waiting.id(), caseRef, step, at, waiting.startedBy(), waiting.servicePoint(),
                waiting.standard(), null, null, null));
    }

    /**
     * Steps cases went through before the portal knew them (the citizen's steps on a phone, up to the request
     * that creates the case): recorded finished, each against the standard in force on its first day, in one
     * batch. Refused if a step is not one of its case's procedure or ends before it starts.
     */
    @Transactional
    public void recordFinished(List<FinishedStep> finished) {
        Map<String, Duration> standardOn = new HashMap<>();
        List<StepStore.FinishedRow> rows = new ArrayList<>(finished.size());
        for (FinishedStep step : finished) {
            checkProcedure(step.caseRef(), step.step());
            if (step.end().isBefore(step.start())) {
                throw new RuleViolation("sla.step.ends-before-start", step.caseRef().caseId(), step.step().name());
            }
            LocalDate day = LocalDate.ofInstant(step.start(), clock.getZone());
            Duration standard = standardOn.computeIfAbsent(step.step().name() + "@" + day,
                    ignored -> standards.inForce(step.caseRef().procedure(), step.step(), day)
                            .orElseThrow(() -> new IllegalStateException("No standard time for " + step.step() + " on " + day)));
            rows.add(new StepStore.FinishedRow(step, standard, day));
        }
        steps.insertFinished(rows);
    }

    /** Now, by the portal's clock. */
    @Transactional
    public StepRecord enter(CaseRef caseRef, SopStep step, String actor, @Nullable String servicePoint) {
        return enter(caseRef, step, clock.instant(), actor, servicePoint);
    }

    /**
     * An officer takes the open step (a KK request claimed), or gives it back ({@code null}): the SLA list names who
     * has it now. Nothing happens if the case is not in the step.
     */
    @Transactional
    public void hold(CaseRef caseRef, SopStep step, @Nullable String actor) {
        checkProcedure(caseRef, step);
        steps.hold(caseRef, step, actor);
    }

    /**
     * The case leaves the step at {@code at}. Refused if the case is not in that step ({@code sla.step.not-open})
     * or {@code at} is before the step started ({@code sla.step.ends-before-start}).
     */
    @Transactional
    public StepRecord leave(CaseRef caseRef, SopStep step, Instant at, String actor) {
        checkProcedure(caseRef, step);
        StepRecord open = steps.openStepForUpdate(caseRef, step)
                .orElseThrow(() -> new RuleViolation("sla.step.not-open", caseRef.caseId(), step.name()));
        return end(open, caseRef, step, at, actor, null);
    }

    /**
     * Leaves the step, and if it ran over its standard, says why that is excused (the SOP lets a technical failure
     * run over): the log keeps the reason and the reports count the overrun apart.
     */
    @Transactional
    public StepRecord leaveExcused(CaseRef caseRef, SopStep step, Instant at, String actor, String reason) {
        checkProcedure(caseRef, step);
        StepRecord open = steps.openStepForUpdate(caseRef, step)
                .orElseThrow(() -> new RuleViolation("sla.step.not-open", caseRef.caseId(), step.name()));
        return end(open, caseRef, step, at, actor, reason.length() > 300 ? reason.substring(0, 300) : reason);
    }

    private StepRecord end(StepRecord open, CaseRef caseRef, SopStep step, Instant at, String actor,
                           @Nullable String excusedReason) {
        if (steps.waiting(open.id())) {
            // Left without being taken: the step's work began and ended now; its wait was all before.
            steps.take(open.id(), at, null);
            open = new StepRecord(open.id(), caseRef, step, at, open.startedBy(), open.servicePoint(), open.standard(),
                    null, null, null);
        }
        if (at.isBefore(open.startedAt().minus(CLOCK_SKEW))) {
            throw new RuleViolation("sla.step.ends-before-start", caseRef.caseId(), step.name());
        }
        // A step entered on one node and left on another a moment later may end a little "before" it began by the
        // second node's clock: it took no time, and must not be refused (an event listener would fail for ever).
        Instant end = at.isBefore(open.startedAt()) ? open.startedAt() : at;
        Duration duration = Duration.between(open.startedAt(), end);
        steps.end(open.id(), end, actor, duration, duration.compareTo(open.standard()) <= 0, excusedReason);
        return new StepRecord(open.id(), caseRef, step, open.startedAt(), open.startedBy(), open.servicePoint(),
                open.standard(), end, actor, null);
    }

    /**
     * The step ends without its output: the day closed on a resident still waiting, the central enrolment failed, the
     * citizen was referred elsewhere. It has no duration, so no report counts it as done within (or over) its
     * standard; the day's summaries count it apart, with the reason. Empty if the case is not in the step.
     */
    @Transactional
    public Optional<StepRecord> abandonIfOpen(CaseRef caseRef, SopStep step, Instant at, String actor, String reason) {
        checkProcedure(caseRef, step);
        Optional<StepRecord> open = steps.openStepForUpdate(caseRef, step);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        StepRecord started = open.get();
        Instant end = at.isBefore(started.startedAt()) ? started.startedAt() : at;
        String bounded = reason.length() > 300 ? reason.substring(0, 300) : reason;
        steps.abandon(started.id(), end, actor, bounded);
        return Optional.of(new StepRecord(started.id(), caseRef, step, started.startedAt(), started.startedBy(),
                started.servicePoint(), started.standard(), end, actor, bounded));
    }

    /**
     * Like {@link #leave(CaseRef, SopStep, Instant, String)} for a case that may not be in the step (one looked up
     * and locked instead of the case's whole history): empty if it is not.
     */
    @Transactional
    public Optional<StepRecord> leaveIfOpen(CaseRef caseRef, SopStep step, Instant at, String actor) {
        checkProcedure(caseRef, step);
        Optional<StepRecord> open = steps.openStepForUpdate(caseRef, step);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(end(open.get(), caseRef, step, at, actor, null));
    }

    @Transactional
    public StepRecord leave(CaseRef caseRef, SopStep step, String actor) {
        return leave(caseRef, step, clock.instant(), actor);
    }

    /** Leaves one step and enters the next at the same moment: the usual hand-over between two officers. */
    @Transactional
    public StepRecord move(CaseRef caseRef, SopStep from, SopStep to, Instant at, String actor,
                           @Nullable String servicePoint) {
        leave(caseRef, from, at, actor);
        return enter(caseRef, to, at, actor, servicePoint);
    }

    /** Every step of the case, in order. */
    @Transactional(readOnly = true)
    public List<StepRecord> history(CaseRef caseRef) {
        return steps.history(caseRef);
    }

    /**
     * The step each of the cases is in now (the latest it entered, where it is in more than one), by case id: a desk's
     * list shows each row's clock with one query.
     */
    @Transactional(readOnly = true)
    public Map<String, StepRecord> openSteps(Procedure procedure, java.util.Collection<String> caseIds) {
        Map<String, StepRecord> open = new HashMap<>();
        if (!caseIds.isEmpty()) {
            steps.open(procedure, caseIds).forEach(step -> open.merge(step.caseRef().caseId(), step,
                    (one, other) -> one.startedAt().isAfter(other.startedAt()) ? one : other));
        }
        return open;
    }

    /** The step the case is in now (the latest it entered), without its history: a desk's clock. */
    @Transactional(readOnly = true)
    public Optional<StepRecord> openStep(CaseRef caseRef) {
        return Optional.ofNullable(openSteps(caseRef.procedure(), List.of(caseRef.caseId())).get(caseRef.caseId()));
    }

    /** Where the case stands now, if it is in a step. */
    @Transactional(readOnly = true)
    public Optional<CaseClock> now(CaseRef caseRef) {
        List<StepRecord> history = steps.history(caseRef);
        List<StepRecord> current = history.stream().filter(StepRecord::open).toList();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Instant started = history.getFirst().startedAt();
        Duration total = standards.inForce(caseRef.procedure(), null, LocalDate.ofInstant(started, clock.getZone()))
                .orElseThrow(() -> new IllegalStateException("No total standard for " + caseRef.procedure()));
        return Optional.of(new CaseClock(caseRef, current, started, clock.instant(), total));
    }

    private static void checkProcedure(CaseRef caseRef, SopStep step) {
        if (step.procedure() != caseRef.procedure()) {
            throw new RuleViolation("sla.step.wrong-procedure", step.name(), caseRef.procedure().name());
        }
    }
}
