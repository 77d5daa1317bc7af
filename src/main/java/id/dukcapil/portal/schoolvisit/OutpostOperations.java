package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.OutpostJournal;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Operation;
import id.dukcapil.portal.schoolvisit.internal.CheckoutEntity;
import id.dukcapil.portal.schoolvisit.internal.CheckoutRepository;
import id.dukcapil.portal.schoolvisit.internal.OutpostOperationEntity;
import id.dukcapil.portal.schoolvisit.internal.OutpostOperationEntity.Outcome;
import id.dukcapil.portal.schoolvisit.internal.OutpostOperationRepository;
import id.dukcapil.portal.schoolvisit.internal.ReconciliationEntity;
import id.dukcapil.portal.schoolvisit.internal.ReconciliationRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.schoolvisit.internal.VisitReads;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one operation of an outpost's bundle in its own transaction, with its id written first in the same
 * transaction: committed together or not at all, so an operation arriving again is found and skipped (decision 196).
 * A student the Dinas changed meanwhile is not overwritten: the operation goes to the reconciliation list.
 */
@Component
class OutpostOperations {

    /** The outpost's take of a visit, as its own log names it: the journal joined must open with it. */
    static final String TAKEN = "outpost.visit.taken";

    /** How far an outpost laptop's clock may be off the Dinas's: an operation's time is believed so far. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");
    /** The reconciliation list's column for the outpost's version. */
    private static final int VERSION_MAX_LENGTH = 300;

    /** What became of an operation on this arrival. */
    enum Result { APPLIED, RECONCILE, ALREADY_APPLIED }

    private final CheckoutRepository checkouts;
    private final OutpostOperationRepository operations;
    private final ReconciliationRepository reconciliation;
    private final StudentRepository students;
    private final VisitReads plans;
    private final PopulationRegistry registry;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TeamVisits team;
    private final OutpostJournal journals;
    private final OutpostEffects effects;

    OutpostOperations(TeamVisits team, CheckoutRepository checkouts, OutpostOperationRepository operations,
                      ReconciliationRepository reconciliation, StudentRepository students,
                      VisitReads plans, PopulationRegistry registry, OutpostJournal journals,
                      OutpostEffects effects, AuditLog auditLog, Clock clock) {
        this.team = team;
        this.effects = effects;
        this.journals = journals;
        this.checkouts = checkouts;
        this.operations = operations;
        this.reconciliation = reconciliation;
        this.students = students;
        this.plans = plans;
        this.registry = registry;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * The checkout of a visit of the signed-in officer's team, with its secret, to check a bundle's signature before
     * anything of it is applied.
     */
    @Transactional(readOnly = true)
    public CheckoutEntity toCheckIn(long checkoutId) {
        CheckoutEntity checkout = checkout(checkoutId);
        team.mine(checkout.visitId());
        return checkout;
    }

    private CheckoutEntity checkout(long checkoutId) {
        return checkouts.findById(checkoutId)
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.checkout-not-found"));
    }

    /**
     * Refuses the whole bundle before anything of it is applied when an operation names no student of the visit's
     * school (a spoiled card names none), a recorder not in the visit's team, or a time outside the checkout (its
     * start to the arrival, each with {@link #CLOCK_SKEW} for a laptop's clock): applied up to it, the bundle would
     * stop there at every arrival, and the visit stay out for ever; or records, step clocks and audit would name
     * anyone at any time.
     */
    @Transactional(readOnly = true)
    public void refuseStrangers(long checkoutId, List<Operation> bundled) {
        CheckoutEntity checkout = checkout(checkoutId);
        refuseIfClosed(checkout, bundled);
        SchoolVisit visit = plans.visit(checkout.visitId()).orElseThrow();
        java.util.Set<Long> roster = students.roster(visit.schoolId(), FieldDesk.ROSTER_MAX).stream()
                .map(Student::id).collect(java.util.stream.Collectors.toSet());
        Instant from = checkout.checkedOutAt().minus(CLOCK_SKEW);
        Instant to = clock.instant().plus(CLOCK_SKEW);
        for (Operation operation : bundled) {
            if (operation.kind() != Kind.CARD_SPOILED && !roster.contains(operation.studentId())) {
                throw new RuleViolation("schoolvisit.error.student-not-found");
            }
            if (operation.kind() != Kind.CORRECTED && operation.correction() != null) {
                throw new RuleViolation("schoolvisit.error.correction-misplaced");
            }
            if (operation.kind() == Kind.CORRECTED) {
                // What the certificate says, bounded as the register keeps it: checked before anything is applied.
                if (operation.correction() == null) {
                    throw new RuleViolation("schoolvisit.error.correction-none");
                }
                operation.correction().checked();
            }
            if (!visit.team().contains(operation.staff())) {
                throw new RuleViolation("schoolvisit.error.bundle-staff", operation.staff());
            }
            if (operation.happenedAt().isBefore(from) || operation.happenedAt().isAfter(to)) {
                // The operation's own time as sent (ISO): a year past 9999 has no office date to show.
                throw new RuleViolation("schoolvisit.error.bundle-time", operation.happenedAt().toString(),
                        TIME.format(from.atZone(OFFICE)), TIME.format(to.atZone(OFFICE)));
            }
        }
    }

    /**
     * A checkout back at the Dinas takes no new operation: the visit is the Dinas's again (perhaps out at another
     * outpost), and its old secret must not write to it. The same bundle again is answered as before.
     */
    private void refuseIfClosed(CheckoutEntity checkout, List<Operation> bundled) {
        if (checkout.state() != CheckoutEntity.State.BACK) {
            return;
        }
        java.util.Set<String> ids = bundled.stream().map(operation -> operation.id().toString())
                .collect(java.util.stream.Collectors.toSet());
        if (operations.findAllById(ids).size() < ids.size()) {
            throw new RuleViolation("schoolvisit.error.checkout-closed");
        }
    }

    /**
     * The handover records the cards this checkout printed are on (their ids, none for a card on none yet), from what
     * the Dinas took, whichever arrival brought it.
     */
    @Transactional(readOnly = true)
    public List<Optional<Long>> handoversOfCardsPrinted(long checkoutId) {
        return operations.findByCheckoutId(checkoutId).stream()
                .filter(op -> op.kind().equals(Kind.CARD_PRINTED.name()) && op.outcome() == Outcome.APPLIED)
                .map(op -> students.find(java.util.Objects.requireNonNull(op.studentId())).map(Student::handoverId))
                .toList();
    }

    /** The school of the checkout's visit. */
    @Transactional(readOnly = true)
    public long schoolOf(long checkoutId) {
        return plans.visit(checkout(checkoutId).visitId()).orElseThrow().schoolId();
    }

    /** Whether the operation's id is stored: applied, or put on the reconciliation list, by an arrival before. */
    @Transactional(readOnly = true)
    public boolean taken(Operation operation) {
        return operations.existsById(operation.id().toString());
    }

    /** One operation, once: its own transaction, whatever the caller's. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Result apply(long checkoutId, Operation operation) {
        String operationId = operation.id().toString();
        if (operations.existsById(operationId)) {
            return Result.ALREADY_APPLIED;
        }
        CheckoutEntity checkout = checkout(checkoutId);
        if (checkout.state() == CheckoutEntity.State.BACK) {
            // Checked in by another bundle since this one was let in: refused here too, nothing of it written.
            throw new RuleViolation("schoolvisit.error.checkout-closed");
        }
        SchoolVisit visit = plans.visit(checkout.visitId()).orElseThrow();
        Instant arrived = clock.instant();
        // A visit a supervisor took back (the laptop lost) may have moved on at the Dinas since: what its outpost
        // still brings is the supervisor's to apply or not, each operation on the reconciliation list.
        // A spoiled card is a fact whoever holds the visit now.
        Optional<String> conflict = operation.kind() == Kind.CARD_SPOILED ? Optional.empty()
                : checkout.state() == CheckoutEntity.State.TAKEN_BACK ? Optional.ofNullable(checkout.takenBack())
                : conflict(visit, operation);
        // The id goes in first: a second arrival of the same operation at the same time waits on its key and fails,
        // its effects rolled back with it.
        operations.saveAndFlush(new OutpostOperationEntity(operationId, checkoutId, operation.kind().name(),
                operation.studentId(), conflict.isEmpty() ? Outcome.APPLIED : Outcome.RECONCILE,
                operation.happenedAt(), arrived));
        if (conflict.isPresent()) {
            reconciliation.save(new ReconciliationEntity(operationId, checkoutId, studentOf(visit, operation).id(),
                    outpostVersion(checkout, operation), conflict.get(), operation.staff(), operation.cardSerial(),
                    operation.kind() == Kind.CORRECTED ? operation.correction().canonical() : null));
        } else {
            effects.apply(checkout, visit,
                    operation.kind() == Kind.CARD_SPOILED ? null : studentOf(visit, operation), operation);
        }
        auditLog.record(AuditRecord.success("schoolvisit.outpost." + operation.kind().name().toLowerCase(
                java.util.Locale.ROOT).replace('_', '-'), operation.studentId() == null ? "SchoolVisit"
                : "SchoolStudent", String.valueOf(operation.studentId() == null ? visit.id() : operation.studentId()))
                .withDetail("op=" + operationId + "; outpost=" + checkout.outpost() + "; by=" + operation.staff()
                        + "; at outpost=" + operation.happenedAt() + "; arrived=" + arrived
                        + (conflict.isPresent() ? "; to reconcile" : "")
                        + (operation.cardSerial() == null ? "" : "; card=" + operation.cardSerial())));
        return conflict.isEmpty() ? Result.APPLIED : Result.RECONCILE;
    }

    /**
     * An operation of the reconciliation list applied after all, by a supervisor, in the caller's transaction and
     * through the same code as at its arrival: refused in words when the register has moved on so far that it no
     * longer fits (the supervisor can then only keep the Dinas's version).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyReconciled(long checkoutId, Operation operation) {
        CheckoutEntity checkout = checkout(checkoutId);
        SchoolVisit visit = plans.visit(checkout.visitId()).orElseThrow();
        if (!fitsNow(checkoutId, visit, operation)) {
            throw new RuleViolation("schoolvisit.error.reconciliation-moved-on");
        }
        effects.apply(checkout, visit,
                    operation.kind() == Kind.CARD_SPOILED ? null : studentOf(visit, operation), operation);
    }

    /** The operation a row of the reconciliation list keeps, as the outpost sent it. */
    @Transactional(readOnly = true)
    public Operation operationOf(ReconciliationEntity row) {
        OutpostOperationEntity taken = operations.findById(row.operationId()).orElseThrow();
        return new Operation(java.util.UUID.fromString(row.operationId()), Kind.valueOf(taken.kind()),
                taken.happenedAt(), row.staff() == null ? "" : row.staff(), row.studentId(), row.cardSerial(),
                row.correction() == null ? null : OutpostBundle.Correction.parse(row.correction()));
    }

    /** Whether a reconciliation's operation could still be applied, the register and the visit as they are now. */
    @Transactional(readOnly = true)
    public boolean applicable(long checkoutId, Operation operation) {
        return plans.visit(checkout(checkoutId).visitId()).map(visit -> fitsNow(checkoutId, visit, operation))
                .orElse(false);
    }

    private boolean fitsNow(long checkoutId, SchoolVisit visit, Operation operation) {
        // A card printed uses one of the visit's cards: the visit must still be out with cards left.
        boolean cardLeft = operation.kind() != Kind.CARD_PRINTED
                || visit.state() == VisitState.UNDERWAY && visit.cardsLeft() > 0;
        return cardLeft && !correctionWaiting(checkoutId, operation) && conflict(visit, operation).isEmpty();
    }

    /**
     * A recording made after a correction that is still on the list waits for it: applied first, it would record the
     * student under the data the correction mends.
     */
    private boolean correctionWaiting(long checkoutId, Operation operation) {
        return operation.kind() == Kind.RECORDED && reconciliation.findByCheckoutIdOrderById(checkoutId).stream()
                .anyMatch(row -> row.settledAt() == null && row.correction() != null
                        && java.util.Objects.equals(row.studentId(), operation.studentId()));
    }

    /**
     * Ends the check-in: the visit is the Dinas's again, and its blank cards are counted from the operations taken
     * (whichever bundle brought them), so a bundle arriving twice counts nothing twice.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public CheckIn finish(long checkoutId, int cardsBroughtBack, int applied, int already, int toReconcile,
                          OutpostBundle bundle) {
        CheckoutEntity checkout = checkout(checkoutId);
        boolean wasOut = checkout.state() != CheckoutEntity.State.BACK; // out, or taken back: its first arrival
        checkout.checkedIn(cardsBroughtBack, clock.instant());
        if (wasOut) {
            OutpostJournal.Target joined = new OutpostJournal.Target("schoolvisit.outpost.journal", "OutpostCheckout",
                    String.valueOf(checkout.id()), checkout.outpost(), TAKEN, "SchoolVisit:" + checkout.visitId());
            checkout.journalJoined(journals.join(joined, bundle.journal(), bundle.journalBrokenAt(),
                    bundle.journalNotSent()));
        }
        checkouts.saveAndFlush(checkout);
        List<OutpostOperationEntity> taken = operations.findByCheckoutId(checkoutId);
        int used = (int) taken.stream().filter(op -> op.kind().equals(Kind.CARD_PRINTED.name())).count();
        int spoiled = (int) taken.stream().filter(op -> op.kind().equals(Kind.CARD_SPOILED.name())).count();
        int back = checkout.cardsBroughtBack(); // the first check-in's count; a bundle again changes it not
        CheckIn checkIn = new CheckIn(checkoutId, applied, already, toReconcile, checkout.cardsOut(), used, spoiled,
                back, checkout.journalEntries() == null ? 0 : checkout.journalEntries(), null);
        if (wasOut || applied + toReconcile > 0) {
            auditLog.record(AuditRecord.success("schoolvisit.visit.checked-in", "SchoolVisit",
                    String.valueOf(checkout.visitId())).withDetail("outpost=" + checkout.outpost() + "; applied="
                    + applied + "; again=" + already + "; to reconcile=" + toReconcile + "; cards out="
                    + checkIn.cardsOut() + ", used=" + used + ", spoiled=" + spoiled + ", back=" + back
                    + ", difference=" + checkIn.cardDifference()));
        } else {
            // The same bundle again (an outpost retrying after a lost answer): nothing changed, the call is logged.
            auditLog.record(AuditRecord.success("schoolvisit.visit.check-in-repeated", "SchoolVisit",
                    String.valueOf(checkout.visitId())).withDetail("outpost=" + checkout.outpost() + "; again="
                    + already));
        }
        return checkIn;
    }

    /**
     * Why the operation cannot be applied as the outpost made it: the student as the Dinas has them now, or nothing
     * when the Dinas still has them as the operation needs. While the visit is out the Dinas refuses this visit's
     * changes; the register moves on though (a student recorded or printed at a Dinas desk meanwhile).
     */
    private Optional<String> conflict(SchoolVisit visit, Operation operation) {
        Student student = studentOf(visit, operation);
        if (operation.kind() == Kind.ABSENT || operation.kind() == Kind.REFUSED) {
            return Optional.empty();
        }
        Optional<Resident> known = registry.findByNik(Nik.of(student.nik()));
        if (known.isEmpty()) {
            // A resident the register no longer knows (marked gone, decision 099): nothing the outpost did applies;
            // the supervisor sees "not in the register" and can only keep the Dinas's version.
            return Optional.of(studentNow(student) + "; enrolment=not in the register");
        }
        Resident resident = known.get();
        if (operation.kind() == Kind.RECORDED && student.fieldStep() != null
                && !java.util.Objects.equals(student.visitId(), visit.id())) {
            // At step 6 from another visit's desk, not from this outpost's correction: that desk goes on with them.
            return Optional.of(studentNow(student) + "; enrolment=" + resident.enrolmentStatus());
        }
        int cards = registry.cardHistory(resident.nik()).size();
        boolean fits = OutpostRules.fits(operation.kind(), student.state(), student.fieldStep(),
                resident.enrolmentStatus(), cards, resident.birthDate(), visit.day());
        return fits ? Optional.empty() : Optional.of(studentNow(student) + "; enrolment="
                + resident.enrolmentStatus() + "; cards printed=" + cards);
    }

    private static String studentNow(Student student) {
        return "state=" + student.state() + "; step=" + (student.fieldStep() == null ? "-" : student.fieldStep())
                + "; visit=" + (student.visitId() == null ? "-" : student.visitId());
    }

    private static String outpostVersion(CheckoutEntity checkout, Operation operation) {
        String version = operation.kind() + " by " + operation.staff() + " at " + operation.happenedAt() + " on "
                + checkout.outpost() + (operation.cardSerial() == null ? "" : "; card " + operation.cardSerial())
                + (operation.correction() == null ? "" : "; certificate: " + certificate(operation.correction()));
        return version.length() <= VERSION_MAX_LENGTH ? version : version.substring(0, VERSION_MAX_LENGTH - 1) + "…";
    }

    /** What a correction states, field by field, for a supervisor to read beside the register. */
    private static String certificate(OutpostBundle.Correction correction) {
        BirthCertificate stated = correction.certificate();
        java.util.StringJoiner fields = new java.util.StringJoiner(", ");
        if (stated.fullName() != null) fields.add("name=" + stated.fullName());
        if (stated.birthPlace() != null) fields.add("birth place=" + stated.birthPlace());
        if (stated.birthDate() != null) fields.add("birth date=" + stated.birthDate());
        if (stated.sex() != null) fields.add("sex=" + stated.sex());
        if (stated.fatherName() != null) fields.add("father=" + stated.fatherName());
        if (stated.motherName() != null) fields.add("mother=" + stated.motherName());
        return fields + "; note=" + correction.note().strip();
    }

    private Student studentOf(SchoolVisit visit, Operation operation) {
        Long studentId = operation.studentId();
        return Optional.ofNullable(studentId).flatMap(students::find)
                .filter(student -> student.schoolId() == visit.schoolId())
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.student-not-found"));
    }
}
