package id.dukcapil.portal.outpost;

import id.dukcapil.portal.outpost.internal.DayResidentEntity;
import id.dukcapil.portal.outpost.internal.DayVisitEntity;
import id.dukcapil.portal.outpost.internal.DayVisitRepository;
import id.dukcapil.portal.outpost.internal.TakenDayEntity;
import id.dukcapil.portal.recording.OutpostDay;
import id.dukcapil.portal.recording.OutpostDayBundle.Step;
import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.recording.RecordingNeed;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.recording.VisitTransition;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP C step 2 at a kecamatan cut from the Dinas (issue 53, decision 200): the registration desk on the outpost,
 * working on the day it took. The resident is looked up among the kecamatan's residents it carries (sealed); the rules
 * are the Dinas's desk's (the same table of changes, the eligibility and documents the Dinas packed for the day); a
 * queue number runs on from the Dinas's with the outpost's prefix, without a gap. Each step is an operation the Dinas
 * applies once when the day goes back.
 */
@Service
@PreAuthorize("hasRole('" + Roles.REGISTRATION_OPERATOR + "')")
public class DayRegistration {

    private final DeskSteps steps;
    private final DayVisitRepository visits;
    private final MessageSource messages;
    private final java.time.Clock clock;

    DayRegistration(DeskSteps steps, DayVisitRepository visits, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.steps = steps;
        this.visits = visits;
        this.messages = messages;
    }

    /** The resident by NIK among the kecamatan's residents the day carries; refused in words if not among them. */
    @Transactional(readOnly = true)
    public DayDesks.Resident lookup(String rawNik) {
        TakenDayEntity day = steps.held().orElseThrow(() -> new RuleViolation("outpost.day.nothing-out"));
        Nik nik = Nik.of(rawNik == null ? "" : rawNik.strip());
        DayResidentEntity resident = steps.resident(day.checkoutId(), nik.value())
                .orElseThrow(() -> new RuleViolation("outpost.day.not-carried-resident", nik.masked()));
        OutpostDay.Packed packed = steps.opened(resident);
        DayDesks.Visit open = openVisit(day, resident).map(steps::view).orElse(null);
        return new DayDesks.Resident(packed.nik(), packed.fullName(), packed.birthDate(), resident.enrolmentStatus(),
                resident.enrolmentStatus() != packed.enrolmentStatus(), packed.documents(), packed.refusal(),
                packed.refusalArgs(), packed.explanation(), open);
    }

    /**
     * The desk has the resident's documents: the visit begins (step 1 ran from when they were looked up). Refused in
     * words for a resident not to be recorded today, and for one whose visit of the day is not over.
     */
    public DayDesks.Visit begin(String rawNik, Instant arrivedAt) {
        Nik nik = Nik.of(rawNik == null ? "" : rawNik.strip());
        return steps.take(taking -> {
            TakenDayEntity day = taking.day();
            DayResidentEntity resident = steps.resident(day.checkoutId(), nik.value())
                    .orElseThrow(() -> new RuleViolation("outpost.day.not-carried-resident", nik.masked()));
            OutpostDay.Packed packed = steps.opened(resident);
            if (packed.refusal() != null) {
                throw new RuleViolation(packed.refusal(), packed.refusalArgs().toArray());
            }
            openVisit(day, resident).ifPresent(open -> {
                throw new RuleViolation("recording.error.open-visit", open.ticket() == null ? "" : open.ticket());
            });
            Instant startOfDay = day.day().atStartOfDay(clock.getZone()).toInstant();
            Instant since = arrivedAt.isAfter(taking.now()) ? taking.now()
                    : arrivedAt.isBefore(startOfDay) ? startOfDay : arrivedAt;
            DayVisitEntity visit = visits.saveAndFlush(new DayVisitEntity(day.checkoutId(), resident.id(),
                    taking.operator(), since));
            taking.keep(taking.operation(Step.BEGUN, visit, nik.value(), since, null, null, null, null, false));
            return steps.view(visit);
        });
    }

    /** The resident came in person with every document the day's package lists for them: on to the biometric check. */
    public DayDesks.Visit documentsInOrder(UUID visitKey, Set<String> ticked, boolean inPerson) {
        if (!inPerson) {
            throw new RuleViolation("recording.error.in-person");
        }
        return steps.take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            OutpostDay.Packed packed = steps.opened(resident(visit));
            long missing = packed.documents().stream().filter(document -> !ticked.contains(document)).count();
            if (missing > 0) {
                throw new RuleViolation("recording.error.documents-missing", missing);
            }
            visit.documentsInOrder();
            taking.keep(taking.operation(Step.DOCUMENTS_IN_ORDER, visit));
            return steps.view(visit);
        });
    }

    /** The documents are not in order: returned with the reasons; the visit ends. */
    public DayDesks.Visit returnDocuments(UUID visitKey, Set<String> reasons) {
        if (reasons.isEmpty()) {
            throw new RuleViolation("recording.error.no-reason");
        }
        String joined = String.join(",", reasons.stream().sorted().toList());
        return steps.take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            visit.returnDocuments(joined, taking.now());
            taking.keep(taking.operation(Step.DOCUMENTS_RETURNED, visit, null, null, null, joined, null, null,
                    false));
            return steps.view(visit);
        });
    }

    /**
     * The iris/fingerprint check's result, as at the Dinas's desk: a recording the day's package knows (or made here)
     * ends the visit with what to tell the resident; otherwise the officer's check decides; queued: the day's next
     * number with the outpost's prefix. After a technical fault the step may run over, and the log says why.
     */
    public DayDesks.Visit biometricCheck(UUID visitKey, boolean alreadyRecorded, @Nullable Priority priority,
                                         @Nullable String technicalFault) {
        String fault = DeskSteps.fault(technicalFault);
        return steps.take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            DayResidentEntity resident = resident(visit);
            OutpostDay.Packed packed = steps.opened(resident);
            RecordingNeed need = RecordingNeed.of(resident.enrolmentStatus());
            if (need == RecordingNeed.ALREADY_RECORDED || need == RecordingNeed.CHECK_BIOMETRICS && alreadyRecorded) {
                // What the Dinas's desk tells them; one recorded here today is told so, the same way.
                String told = packed.explanation() != null && resident.enrolmentStatus() == packed.enrolmentStatus()
                        ? packed.explanation() : messages.getMessage("recording.explanation."
                        + resident.enrolmentStatus().name(), new Object[] {"-"}, PortalMessages.INDONESIAN);
                visit.foundRecorded(told, taking.now());
                taking.keep(taking.operation(Step.FOUND_RECORDED, visit, null, null, null, told, fault, null, false));
                return steps.view(visit);
            }
            visit.awaitingNumber(); // refused before the day's number is taken: no gap
            int number = taking.day().takeNumber();
            String ticket = taking.day().ticket(number);
            visit.queue(number, ticket, priority, taking.now());
            taking.keep(taking.operation(Step.QUEUED, visit, null, null, number, ticket, fault, priority, false));
            return steps.view(visit);
        });
    }

    /** A registration left unfinished at this desk: closed with the state it was left in. */
    public DayDesks.Visit closeUnfinished(UUID visitKey) {
        return steps.take(taking -> {
            DayVisitEntity visit = taking.visit(visitKey);
            if (visit.state() != VisitState.CHECKING && visit.state() != VisitState.BIOMETRIC_CHECK) {
                throw new RuleViolation("recording.error.not-at-registration", "-");
            }
            visit.close(taking.now());
            taking.keep(taking.operation(Step.CLOSED_UNFINISHED, visit));
            return steps.view(visit);
        });
    }

    /** A recording that failed, queued again here: called first. */
    public DayDesks.Visit requeue(UUID visitKey) {
        return steps.move(visitKey, Step.REQUEUED, (visit, at) -> visit.requeue(at));
    }

    /** The visit this operator was registering (a reload, a second tab): the desk reopens on it. */
    @Transactional(readOnly = true)
    public Optional<DayDesks.Visit> inHand(String operator) {
        return steps.held().flatMap(day -> visits.atRegistration(day.checkoutId(), operator,
                EnumSet.of(VisitState.CHECKING, VisitState.BIOMETRIC_CHECK), Limit.of(1)).stream().findFirst())
                .map(steps::view);
    }

    /** The visits the recording desk sent back, waiting to be queued again. */
    @Transactional(readOnly = true)
    public List<DayDesks.Visit> sentBack() {
        return steps.held().map(day -> visits.inCallOrder(day.checkoutId(), VisitState.SENT_BACK, Limit.of(200))
                .stream().map(steps::view).toList()).orElse(List.of());
    }

    private Optional<DayVisitEntity> openVisit(TakenDayEntity day, DayResidentEntity resident) {
        return visits.findByCheckoutIdAndResidentIdAndStateIn(day.checkoutId(), resident.id(),
                VisitTransition.open()).stream().findFirst();
    }

    private DayResidentEntity resident(DayVisitEntity visit) {
        return steps.residentOf(visit);
    }
}
