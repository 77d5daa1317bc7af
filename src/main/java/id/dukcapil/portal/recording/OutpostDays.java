package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.Verdict;
import id.dukcapil.portal.recording.OutpostDayBundle.Operation;
import id.dukcapil.portal.recording.OutpostDayBundle.Step;
import id.dukcapil.portal.recording.internal.DayCheckoutEntity;
import id.dukcapil.portal.recording.internal.DayCheckoutRepository;
import id.dukcapil.portal.recording.internal.DayOperationRepository;
import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.secret.BundleSignature;
import id.dukcapil.portal.staff.CarriedAccounts;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A recording point's day taken to an outpost and brought back (issue 53, decision 200): SOP C at a kecamatan whose
 * link to the Dinas is cut. The checkout hands the outpost the kecamatan's residents, where the day's numbers go on,
 * the desk operators' accounts and a secret; the point's desks at the Dinas move nothing meanwhile. The check-in takes
 * a signed bundle of the desks' steps and applies each once, however often it arrives.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.REGISTRATION_OPERATOR + "','" + Roles.RECORDING_OPERATOR + "')")
public class OutpostDays {

    public static final int OUTPOST_MAX_LENGTH = 60;
    /** An outpost's queue prefix: up to four capital letters or digits. */
    public static final String PREFIX_PATTERN = "[A-Z0-9]{1,4}";
    private static final Pattern OUTPOST_KEY = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** How far an outpost's clock may be off when its steps are checked against the checkout's window. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);
    /** The columns the visit keeps them in ({@code recording_visit}). */
    private static final int TICKET_MAX_LENGTH = 12;
    private static final int DESK_MAX_LENGTH = 20;
    private static final int PROOF_MAX_LENGTH = 40;
    /** The youngest a resident packed is: a married resident may be recorded before 17. */
    private static final int YOUNGEST_PACKED = 14;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DayCheckoutRepository checkouts;
    private final DayOperationRepository operations;
    private final OutpostDaySteps steps;
    private final VisitRepository visits;
    private final PopulationRegistry registry;
    private final Requirements requirements;
    private final Explanations explanations;
    private final ServicePoints servicePoints;
    private final CarriedAccounts carriedAccounts;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final int maxResidents;
    private final TransactionTemplate transactions;

    OutpostDays(DayCheckoutRepository checkouts, DayOperationRepository operations, OutpostDaySteps steps,
                VisitRepository visits, PopulationRegistry registry, Requirements requirements,
                Explanations explanations, ServicePoints servicePoints, CarriedAccounts carriedAccounts,
                AuditLog auditLog, CurrentActor currentActor, Clock clock,
                @Value("${portal.outpost.max-residents:20000}") int maxResidents, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.checkouts = checkouts;
        this.operations = operations;
        this.steps = steps;
        this.visits = visits;
        this.registry = registry;
        this.requirements = requirements;
        this.explanations = explanations;
        this.servicePoints = servicePoints;
        this.carriedAccounts = carriedAccounts;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
        this.maxResidents = maxResidents;
    }

    /** What a check-in did: operations applied, found applied before, kept for a supervisor. */
    public record DayCheckIn(long checkoutId, int applied, int alreadyApplied, int toReconcile, boolean firstArrival,
                             int journalEntries) {
    }

    /**
     * The signed-in operator's point takes today to an outpost: refused while the day is out elsewhere, while a visit
     * of today is still open at the Dinas (finish or close it first), and for a point that is not a kecamatan's.
     */
    @PreAuthorize("hasRole('" + Roles.REGISTRATION_OPERATOR + "')")
    public OutpostDay checkOut(String outpost, String outpostKey, String prefix) {
        String name = outpost == null ? "" : outpost.strip();
        if (name.isEmpty() || name.length() > OUTPOST_MAX_LENGTH) {
            throw new RuleViolation("recording.error.outpost-name", OUTPOST_MAX_LENGTH);
        }
        if (outpostKey == null || !OUTPOST_KEY.matcher(outpostKey).matches()) {
            throw new RuleViolation("recording.error.outpost-key");
        }
        if (prefix == null || !prefix.matches(PREFIX_PATTERN)) {
            throw new RuleViolation("recording.error.outpost-prefix");
        }
        String point = currentActor.servicePoint();
        ServicePoint servicePoint = servicePoints.byCode(point).filter(found -> found.districtCode() != null)
                .orElseThrow(() -> new RuleViolation("recording.error.outpost-no-district", point));
        // The day reserved in a short transaction under the counters' locks; the package (a kecamatan's residents,
        // what the desk tells each one recorded before) made after it, with the point's desks free again. A package
        // lost on the way, or not made, is asked again and made again from the same checkout.
        Reserved reserved = Objects.requireNonNull(transactions.execute(status -> reserve(name, outpostKey, prefix,
                servicePoint)));
        OutpostDay taken = packageOf(reserved.checkout(), servicePoint, reserved.residents());
        auditLog.record(AuditRecord.success(reserved.again() ? "recording.day.checked-out-again"
                : "recording.day.checked-out", "ServicePoint", point).withDetail("outpost=" + name + "; day="
                + reserved.checkout().day() + "; checkout=" + reserved.checkout().id() + "; residents="
                + reserved.residents().size() + "; first number=" + reserved.checkout().firstNumber()
                + "; accounts=" + taken.accounts().size()));
        return taken;
    }

    /** A checkout reserved (or found again for the same outpost and operator), with the residents to pack. */
    private record Reserved(DayCheckoutEntity checkout, List<Resident> residents, boolean again) {
    }

    private Reserved reserve(String name, String outpostKey, String prefix, ServicePoint servicePoint) {
        String point = servicePoint.code();
        LocalDate today = LocalDate.now(clock);
        // Both counters locked first: a desk's number or proof at this moment waits and then meets the checkout.
        int lastNumber = visits.lockNumbers(point, today);
        int lastProof = visits.lockProofs(point, today.getYear());
        Optional<DayCheckoutEntity> out = checkouts.out(point);
        if (out.isPresent()) {
            DayCheckoutEntity held = out.get();
            // The same outpost and operator asking again (the package lost on the way) get the same day again.
            if (held.outpostKey().equals(outpostKey) && held.checkedOutBy().equals(currentActor.id())) {
                return new Reserved(held, residentsOf(servicePoint, held.day()), true);
            }
            PointDaysOut.refuse(held);
        }
        int open = visits.ofDayIn(point, today, VisitTransition.open()).size();
        if (open > 0) {
            throw new RuleViolation("recording.error.outpost-open-visits", open);
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        List<Resident> residents = residentsOf(servicePoint, today);
        List<String> operators = carriedAccounts.deskOperatorNamesAt(point);
        DayCheckoutEntity checkout = checkouts.saveAndFlush(new DayCheckoutEntity(point, today, name, outpostKey,
                currentActor.id(), clock.instant(), HexFormat.of().formatHex(key), prefix, lastNumber + 1,
                lastProof + 1, residents.size(), operators));
        return new Reserved(checkout, residents, false);
    }

    /**
     * Takes an outpost's signed bundle of the point's day: refused whole before anything is applied if its signature
     * is not the checkout's or a step could never be applied (a stranger's, outside the checkout's time, a number
     * out of the day's run); else each step is applied in its own transaction, skipped if it arrived before, and the
     * day is the Dinas's again. Not one transaction: a crash halfway leaves the steps applied so far applied, for the
     * bundle sent again.
     */
    public DayCheckIn checkIn(OutpostDayBundle bundle, String signature) {
        DayCheckoutEntity checkout = toCheckIn(bundle.checkoutId());
        if (!BundleSignature.matches(bundle.canonical(), checkout.secret(), signature)) {
            throw new RuleViolation("recording.error.bundle-signature");
        }
        refuseMalformed(checkout, bundle);
        // The day's numbers and proofs the outpost gave are spent, whatever becomes of their steps here (a step kept
        // for a supervisor still handed its number out): the Dinas's next number goes on after them.
        steps.numbersSpent(checkout, bundle);
        int applied = 0;
        int already = 0;
        int toReconcile = 0;
        for (List<Operation> visit : byVisit(bundle.operations())) {
            for (OutpostDaySteps.Result result : applyVisit(checkout, visit)) {
                switch (result) {
                    case APPLIED -> applied++;
                    case ALREADY_APPLIED -> already++;
                    case RECONCILE -> toReconcile++;
                }
            }
        }
        return steps.finish(checkout.id(), new DayCheckIn(checkout.id(), applied, already, toReconcile, false, 0),
                bundle);
    }

    /** The checkout a bundle names, of the signed-in operator's point; once back, nothing new is taken. */
    private DayCheckoutEntity toCheckIn(long checkoutId) {
        DayCheckoutEntity checkout = checkouts.findById(checkoutId)
                .filter(found -> found.servicePoint().equals(currentActor.servicePoint()))
                .orElseThrow(() -> new RuleViolation("recording.error.checkout-unknown"));
        return checkout;
    }

    /**
     * The bundle's steps by visit, each visit's in the bundle's order, the visits in the order they began: a visit's
     * steps depend on each other, never on another visit's (the numbers are the outpost's, checked before).
     */
    private static java.util.Collection<List<Operation>> byVisit(List<Operation> operations) {
        java.util.Map<java.util.UUID, List<Operation>> visits = new java.util.LinkedHashMap<>();
        for (Operation operation : operations) {
            visits.computeIfAbsent(operation.visitKey(), key -> new java.util.ArrayList<>()).add(operation);
        }
        return visits.values();
    }

    /**
     * A visit's steps applied together; where that fails as a whole (a step the Dinas cannot apply, the same bundle's
     * other arrival at the same moment), one by one, each kept for a supervisor if it cannot be applied.
     */
    private List<OutpostDaySteps.Result> applyVisit(DayCheckoutEntity checkout, List<Operation> visit) {
        try {
            return steps.applyVisit(checkout, visit);
        } catch (TransientDataAccessException | RecoverableDataAccessException | CannotCreateTransactionException
                 mayPass) {
            throw mayPass;
        } catch (RuntimeException asAWhole) {
            return visit.stream().map(operation -> applyOnce(checkout, operation)).toList();
        }
    }

    /**
     * The operation applied, or found applied by the bundle's other arrival at the same moment. One the Dinas cannot
     * apply for a reason of its own (a rule the register or a step clock enforces) is kept for a supervisor with that
     * reason, so no one step stops the rest of the day for good; a failure that may pass (the database busy or away)
     * stops this arrival, and the bundle sent again goes on where it stopped.
     */
    private OutpostDaySteps.Result applyOnce(DayCheckoutEntity checkout, Operation operation) {
        try {
            return steps.apply(checkout, operation);
        } catch (DataIntegrityViolationException sameMoment) {
            if (steps.taken(operation)) {
                return OutpostDaySteps.Result.ALREADY_APPLIED;
            }
            return steps.keepUnapplied(checkout, operation, sameMoment);
        } catch (TransientDataAccessException | RecoverableDataAccessException | CannotCreateTransactionException
                 mayPass) {
            throw mayPass;
        } catch (RuntimeException notHere) {
            return steps.keepUnapplied(checkout, operation, notHere);
        }
    }

    /**
     * Refused whole, in words, before anything is applied: a step whose operator is not one of the point's desks, a
     * time outside the checkout (from it to now, each widened for a laptop's clock), a step of a visit the bundle did
     * not begin, a number out of the day's run or given twice, a text too long, a step of a checkout already back.
     */
    private void refuseMalformed(DayCheckoutEntity checkout, OutpostDayBundle bundle) {
        if (bundle.operations().size() > OutpostDayBundle.OPERATIONS_MAX) {
            throw new RuleViolation("recording.error.bundle-too-large", OutpostDayBundle.OPERATIONS_MAX);
        }
        // The point's desk operators when the day went out: an operator moved or changed since still acted then.
        Set<String> operators = new HashSet<>(checkout.operators());
        Instant from = checkout.checkedOutAt().minus(CLOCK_SLACK);
        Instant to = clock.instant().plus(CLOCK_SLACK);
        Set<java.util.UUID> begun = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        Set<Integer> proofs = new HashSet<>();
        for (Operation operation : bundle.operations()) {
            if (!operators.contains(operation.staff())) {
                throw new RuleViolation("recording.error.bundle-staff", operation.staff());
            }
            boolean inTime = !operation.at().isBefore(from) && !operation.at().isAfter(to)
                    && (operation.since() == null || !operation.since().isBefore(from));
            if (!inTime) {
                throw new RuleViolation("recording.error.bundle-time", operation.at().toString());
            }
            if (longer(operation.text()) || longer(operation.note())) {
                throw new RuleViolation("recording.error.bundle-text", OutpostDayBundle.TEXT_MAX);
            }
            switch (operation.step()) {
                case BEGUN -> {
                    if (!nik(operation.nik()) || operation.since() == null
                            || !begun.add(operation.visitKey())) {
                        throw new RuleViolation("recording.error.bundle-step", operation.step().name());
                    }
                }
                case QUEUED -> {
                    numbered(operation, checkout.firstNumber(), numbers);
                    if (!operation.text().startsWith(checkout.prefix() + "-")
                            || operation.text().length() > TICKET_MAX_LENGTH) {
                        throw new RuleViolation("recording.error.bundle-step", operation.step().name());
                    }
                }
                case RECORDED -> {
                    numbered(operation, checkout.firstProof(), proofs);
                    if (operation.text().length() > PROOF_MAX_LENGTH) {
                        throw new RuleViolation("recording.error.bundle-step", operation.step().name());
                    }
                }
                case CALLED, TAKEN_OVER -> {
                    if (operation.text() == null || operation.text().isBlank()
                            || operation.text().length() > DESK_MAX_LENGTH) {
                        throw new RuleViolation("recording.error.bundle-step", operation.step().name());
                    }
                }
                default -> {
                }
            }
            if (operation.step() != Step.BEGUN && !begun.contains(operation.visitKey())) {
                throw new RuleViolation("recording.error.bundle-step", operation.step().name());
            }
        }
        if (checkout.state() == DayCheckoutEntity.State.BACK
                && bundle.operations().stream().anyMatch(operation -> !steps.taken(operation))) {
            throw new RuleViolation("recording.error.checkout-closed");
        }
    }

    private static boolean nik(String text) {
        try {
            Nik.of(text == null ? "" : text);
            return true;
        } catch (RuleViolation notANik) {
            return false;
        }
    }

    private static void numbered(Operation operation, int first, Set<Integer> seen) {
        Integer number = operation.number();
        if (number == null || number < first || !seen.add(number) || operation.text() == null
                || operation.text().isBlank()) {
            throw new RuleViolation("recording.error.bundle-step", operation.step().name());
        }
    }

    private static boolean longer(String text) {
        return text != null && text.length() > OutpostDayBundle.TEXT_MAX;
    }

    private OutpostDay packageOf(DayCheckoutEntity checkout, ServicePoint servicePoint, List<Resident> residents) {
        LocalDate day = checkout.day();
        List<OutpostDay.Packed> packed = residents.stream().map(resident -> packed(resident, day)).toList();
        return new OutpostDay(checkout.id(), checkout.outpost(), checkout.checkedOutBy(), checkout.checkedOutAt(),
                servicePoint.code(), servicePoint.name(), day, checkout.prefix(), checkout.firstNumber(),
                checkout.firstProof(),
                packed, checkout.secret(), carriedAccounts.deskOperatorsOf(servicePoint.code()), clock.instant());
    }

    /** The kecamatan's residents old enough to be recorded (or married), refused past the setting's limit. */
    private List<Resident> residentsOf(ServicePoint servicePoint, LocalDate day) {
        List<Resident> residents = registry.ofDistrict(java.util.Objects.requireNonNull(servicePoint.districtCode()),
                day.minusYears(YOUNGEST_PACKED), maxResidents + 1);
        if (residents.size() > maxResidents) {
            throw new RuleViolation("recording.error.outpost-too-many", maxResidents);
        }
        return residents;
    }

    private OutpostDay.Packed packed(Resident resident, LocalDate day) {
        Verdict verdict = Eligibility.ktpRecording(resident.birthDate(), resident.maritalStatus(), day);
        boolean recorded = resident.enrolmentStatus() != EnrolmentStatus.NOT_RECORDED;
        return new OutpostDay.Packed(resident.nik().value(), resident.fullName(), resident.birthDate(),
                resident.enrolmentStatus(), requirements.of(resident, day),
                verdict.refusal().map(finding -> finding.messageKey()).orElse(null),
                verdict.refusal().map(finding -> finding.args().stream().map(String::valueOf).toList())
                        .orElse(List.of()),
                recorded ? explanations.of(resident) : null);
    }
}
