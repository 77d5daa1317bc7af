package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Operation;
import id.dukcapil.portal.schoolvisit.internal.CheckoutEntity;
import id.dukcapil.portal.schoolvisit.internal.CheckoutRepository;
import id.dukcapil.portal.schoolvisit.internal.ReconciliationEntity;
import id.dukcapil.portal.schoolvisit.internal.ReconciliationRepository;
import id.dukcapil.portal.schoolvisit.internal.ReconciliationSql.OpenRow;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffNames;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's reconciliation list (issue 53, decision 196): outposts' operations on students the Dinas changed
 * meanwhile, each settled once — the Dinas's version kept and the operation dropped with a reason, or the outpost's
 * applied after all through the code its arrival would have used, where the register still allows it. Two
 * supervisors at once: the row's version lets one win and tells the other.
 */
@Service
@PreAuthorize(Reconciliations.SUPERVISORS)
public class Reconciliations {

    static final String SUPERVISORS = "hasAnyRole('" + Roles.PLANNER + "','" + Roles.ADMIN + "')";
    public static final int REASON_MAX_LENGTH = ReconciliationEntity.REASON_MAX_LENGTH;
    private static final String SCREEN = "jadwal-sekolah/rekonsiliasi";

    private final ReconciliationRepository rows;
    private final CheckoutRepository checkouts;
    private final OutpostOperations operations;
    private final VisitsOut visitsOut;
    private final PopulationRegistry registry;
    private final StaffNames names;
    private final PersonalDataViews personalData;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    @SuppressWarnings("java:S107") // the list's reads and the settling's writes
    Reconciliations(ReconciliationRepository rows, CheckoutRepository checkouts, OutpostOperations operations,
                    VisitsOut visitsOut, PopulationRegistry registry, StaffNames names,
                    PersonalDataViews personalData, AuditLog auditLog, CurrentActor currentActor, Clock clock) {
        this.rows = rows;
        this.checkouts = checkouts;
        this.operations = operations;
        this.visitsOut = visitsOut;
        this.registry = registry;
        this.names = names;
        this.personalData = personalData;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** A page of the rows not settled yet, the oldest arrival first unless the page sorts otherwise. */
    @Transactional(readOnly = true)
    public Slice<OpenReconciliation> open(Pageable page) {
        Slice<OpenRow> found = rows.openRows(page);
        Map<String, String> named = names.of(found.stream().map(OpenRow::staff).filter(Objects::nonNull)
                .distinct().toList());
        personalData.viewed(SCREEN, found.stream().map(row -> PersonalData.nik(row.nik())).toList());
        return found.map(row -> {
            Nik nik = Nik.of(row.nik());
            EnrolmentStatus enrolment = registry.findByNik(nik).map(Resident::enrolmentStatus).orElse(null);
            String staff = row.staff() == null ? "" : row.staff();
            return new OpenReconciliation(row.id(), row.version(), row.studentId(), row.studentName(),
                    row.schoolName(), Kind.valueOf(row.kind()), staff, named.getOrDefault(staff, staff),
                    row.happenedAt(), row.arrivedAt(), row.outpost(), row.cardSerial(),
                    StudentState.valueOf(row.state()),
                    row.fieldStep() == null ? null : FieldStep.valueOf(row.fieldStep()), enrolment,
                    registry.cardHistory(nik).size(), operations.applicable(row.checkoutId(), operation(row)),
                    row.dinasVersion().startsWith(CheckoutEntity.TAKEN_BACK));
        });
    }

    /** The Dinas's version stays: the outpost's operation is dropped, for the reason the supervisor gives. */
    @Transactional
    public void keepDinas(long id, long version, @Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX_LENGTH) {
            throw new RuleViolation("schoolvisit.error.reconciliation-reason", REASON_MAX_LENGTH);
        }
        ReconciliationEntity row = settling(id, version);
        row.keepDinas(currentActor.id(), clock.instant(), why);
        settled(row);
        auditLog.record(AuditRecord.success("schoolvisit.reconciliation.dinas-kept", "SchoolStudent",
                String.valueOf(row.studentId())).withDetail("op=" + row.operationId() + "; outpost version="
                + row.outpostVersion() + "; reason=" + why));
    }

    /**
     * The outpost's operation applied after all, as its arrival would have applied it: refused in words, and
     * nothing settled, when the register or the visit has moved on so that it no longer fits.
     */
    @Transactional
    public void applyOutpost(long id, long version) {
        ReconciliationEntity row = settling(id, version);
        row.applyOutpost(currentActor.id(), clock.instant());
        settled(row); // the row first: of two supervisors at once, the second waits here and is told
        checkouts.findById(row.checkoutId()).ifPresent(checkout -> visitsOut.refuseIfOut(checkout.visitId()));
        Operation operation = operations.operationOf(row);
        operations.applyReconciled(row.checkoutId(), operation);
        auditLog.record(AuditRecord.success("schoolvisit.reconciliation.outpost-applied", "SchoolStudent",
                String.valueOf(row.studentId())).withDetail("op=" + row.operationId() + "; outpost version="
                + row.outpostVersion() + "; at outpost=" + operation.happenedAt()));
    }

    private ReconciliationEntity settling(long id, long version) {
        ReconciliationEntity row = rows.findById(id)
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.reconciliation-not-found"));
        if (row.settledAt() == null && row.version() != version) {
            throw new RuleViolation("schoolvisit.error.reconciliation-changed");
        }
        return row; // a row settled already is refused by its own settling, with who settled it
    }

    private void settled(ReconciliationEntity row) {
        try {
            rows.saveAndFlush(row);
        } catch (OptimisticLockingFailureException settledMeanwhile) {
            throw new RuleViolation("schoolvisit.error.reconciliation-changed");
        }
    }

    private static Operation operation(OpenRow row) {
        return new Operation(UUID.fromString(row.operationId()), Kind.valueOf(row.kind()), row.happenedAt(),
                row.staff() == null ? "" : row.staff(), row.studentId(), row.cardSerial(),
                row.correction() == null ? null : OutpostBundle.Correction.parse(row.correction()));
    }
}
