package id.dukcapil.portal.outpost;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.outpost.internal.OperationEntity;
import id.dukcapil.portal.outpost.internal.OperationRepository;
import id.dukcapil.portal.outpost.internal.OutpostVault;
import id.dukcapil.portal.outpost.internal.TakenStudentEntity;
import id.dukcapil.portal.outpost.internal.TakenStudentRepository;
import id.dukcapil.portal.outpost.internal.TakenVisitEntity;
import id.dukcapil.portal.outpost.internal.TakenVisitRepository;
import id.dukcapil.portal.outpost.internal.TakenVisitView;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.FieldStep;
import id.dukcapil.portal.schoolvisit.OutpostRules;
import id.dukcapil.portal.schoolvisit.StudentState;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The field team's steps on an outpost node (issue 53, decision 199): SOP D's steps on the roster of the visit held,
 * without a connection, each kept as an operation with its own id, the outpost's time and the officer, in its place in
 * the bundle that {@link OutpostTransfers#checkIn} sends. The steps offered are those the Dinas applies on arrival
 * ({@link OutpostRules}, the one rule of both sides); what the register changed at the Dinas meanwhile goes to its
 * reconciliation list.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.ADMIN + "')")
public class OutpostDesk {

    /** The steps themselves are a field officer's: the laptop's administrator takes and sends back, no more. */
    static final String FIELD_OFFICER = "hasRole('" + Roles.FIELD_OFFICER + "')";
    private static final Pattern CARD_SERIAL = Pattern.compile(OutpostBundle.CARD_SERIAL_PATTERN);

    private final TakenVisitRepository visits;
    private final TakenStudentRepository students;
    private final OperationRepository operations;
    private final TakenVisitView views;
    private final OutpostVault vault;
    private final OutpostProperties settings;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutpostDesk(TakenVisitRepository visits, TakenStudentRepository students, OperationRepository operations,
                TakenVisitView views, OutpostVault vault, OutpostProperties settings, AuditLog auditLog,
                CurrentActor currentActor, TransactionTemplate transactions, Clock clock) {
        this.visits = visits;
        this.students = students;
        this.operations = operations;
        this.views = views;
        this.vault = vault;
        this.settings = settings;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The signed-in officer's username: at the Dinas too, since the outpost's staff sign in as they do there. */
    public String officer() {
        return currentActor.get().id();
    }

    /** Whether the signed-in user takes the steps: a field officer (the laptop's administrator does not). */
    public boolean fieldOfficer() {
        return currentActor.get().roles().contains(Roles.FIELD_OFFICER);
    }

    /** The visit this outpost holds now (out, or its bundle on its way), if any. */
    public Optional<TakenVisit> current() {
        return visits.held().map(views::of);
    }

    /** The last visit this outpost brought back, with the Dinas's answer, if any. */
    public Optional<TakenVisit> lastBack() {
        return visits.findFirstByStatusOrderByCheckoutIdDesc(TakenVisitEntity.Status.BACK).map(views::of);
    }

    /** The roster of the visit held, by class and name, each with the steps open for them (none while sending). */
    public List<TakenStudent> roster() {
        Optional<TakenVisitEntity> held = visits.held();
        if (held.isEmpty()) {
            return List.of();
        }
        TakenVisit visit = views.of(held.get());
        boolean steps = fieldOfficer() && !visit.sending() && held.get().team().contains(officer());
        return students.findByKeyCheckoutIdOrderByClassName(visit.checkoutId()).stream()
                .map(student -> new TakenStudent(student.studentId(), student.nik(vault.key()),
                        student.fullName(vault.key()), student.className(), student.enrolmentStatus(),
                        student.outcome(), student.cardSerial(), steps ? allowed(visit, student) : Set.of(),
                        printsOn(student.birthDate(vault.key()), visit.day())))
                .sorted(Comparator.comparing(TakenStudent::className).thenComparing(TakenStudent::fullName))
                .toList();
    }

    /**
     * One of SOP D's steps for a student of the visit held, kept as an operation with the outpost's time and the
     * signed-in officer: found recorded before, recorded here, absent, refused, or a card printed on the blank card
     * with this serial. Refused in words when the step is not open for the student, and past the checkout's limits.
     */
    @PreAuthorize(FIELD_OFFICER)
    public TakenVisit record(long studentId, Kind kind, @Nullable String cardSerial) {
        if (kind == Kind.CARD_SPOILED || kind == Kind.CORRECTED) {
            throw new IllegalArgumentException(
                    "a spoiled card is recorded with spoiled(), a correction with corrected()");
        }
        String serial = kind == Kind.CARD_PRINTED ? serial(cardSerial) : null;
        return step(visit -> {
            TakenStudentEntity student = students.findById(new TakenStudentEntity.Key(visit.checkoutId(), studentId))
                    .orElseThrow(() -> new RuleViolation("outpost.error.student-not-found"));
            if (!allowed(visit, student).contains(kind)) {
                throw new RuleViolation("outpost.error.step-not-open", student.fullName(vault.key()));
            }
            if (kind == Kind.CARD_PRINTED) {
                refuseUsed(visit, serial);
                student.printed(serial);
            } else {
                student.outcome(kind);
            }
            students.saveAndFlush(student);
            return new OutpostBundle.Operation(UUID.randomUUID(), kind, clock.instant(), officer(), studentId,
                    serial);
        });
    }

    /**
     * Steps 4 and 5: the registry differs from the student's birth certificate; what the certificate says is kept,
     * sealed, with the officer's note, and the register is corrected at the Dinas when the visit goes back (it waits
     * for the centre until then). The roster shows the student as the certificate says; the recording comes next.
     * Refused in words without a note, with a value longer than the register keeps, or with nothing stated.
     */
    @PreAuthorize(FIELD_OFFICER)
    public TakenVisit corrected(long studentId, OutpostBundle.Correction typed) {
        OutpostBundle.Correction correction = typed.checked();
        return step(visit -> {
            TakenStudentEntity student = students.findById(new TakenStudentEntity.Key(visit.checkoutId(), studentId))
                    .orElseThrow(() -> new RuleViolation("outpost.error.student-not-found"));
            if (!allowed(visit, student).contains(Kind.CORRECTED)) {
                throw new RuleViolation("outpost.error.step-not-open", student.fullName(vault.key()));
            }
            student.corrected(correction.certificate().fullName(), correction.certificate().birthDate(), vault.key());
            students.saveAndFlush(student);
            return new OutpostBundle.Operation(UUID.randomUUID(), Kind.CORRECTED, clock.instant(), officer(),
                    studentId, null, correction);
        });
    }

    /** A blank card spoiled in the printer, by its serial: it counts against the cards the team holds. */
    @PreAuthorize(FIELD_OFFICER)
    public TakenVisit spoiled(String cardSerial) {
        String serial = serial(cardSerial);
        return step(visit -> {
            if (visit.cardsLeft() <= 0) {
                throw new RuleViolation("outpost.error.no-cards");
            }
            refuseUsed(visit, serial);
            return new OutpostBundle.Operation(UUID.randomUUID(), Kind.CARD_SPOILED, clock.instant(), officer(),
                    null, serial);
        });
    }

    /**
     * A step in the visit held, its row locked and read under the lock: steps from two tablets take their places one
     * after the other, and none is taken once the bundle left ({@code SENDING}).
     */
    private TakenVisit step(Function<TakenVisit, OutpostBundle.Operation> step) {
        TakenVisitEntity saved = transactions.execute(status -> {
            TakenVisitEntity held = visits.heldLocked()
                    .orElseThrow(() -> new RuleViolation("outpost.error.nothing-out"));
            if (held.status() == TakenVisitEntity.Status.SENDING) {
                throw new RuleViolation("outpost.error.sending");
            }
            if (!held.team().contains(officer())) {
                throw new RuleViolation("outpost.error.not-in-team", officer());
            }
            TakenVisit visit = views.of(held);
            refusePastLimits(visit);
            OutpostBundle.Operation operation = step.apply(visit);
            operations.saveAndFlush(new OperationEntity(visit.checkoutId(), visit.waiting() + 1, operation,
                    vault.key()));
            auditLog.record(AuditRecord.success("outpost.operation.recorded", "SchoolVisit",
                    String.valueOf(visit.visitId())).withDetail("operation=" + operation.id() + "; kind="
                    + operation.kind() + (operation.studentId() == null ? "" : "; student=" + operation.studentId())
                    + (operation.cardSerial() == null ? "" : "; card=" + operation.cardSerial())));
            return held;
        });
        return views.of(saved);
    }

    /** Past the checkout's time, or with too many operations waiting, the outpost takes no new step. */
    private void refusePastLimits(TakenVisit visit) {
        if (clock.instant().isAfter(visit.dueBack())) {
            throw new RuleViolation("outpost.error.past-time", settings.maxOut().toHours());
        }
        if (visit.waiting() >= settings.maxWaiting()) {
            throw new RuleViolation("outpost.error.too-many", settings.maxWaiting());
        }
    }

    /** A blank card is used once: printed or spoiled, its serial is not written again. */
    private void refuseUsed(TakenVisit visit, String serial) {
        if (operations.existsByCheckoutIdAndCardSerial(visit.checkoutId(), serial)) {
            throw new RuleViolation("outpost.error.serial-used", serial);
        }
    }

    /**
     * The steps open for the student: the student as packed and as changed here, against the rule the Dinas applies
     * on arrival; a card only while the team has blank cards; absent or refused for a student not seen yet.
     */
    private Set<Kind> allowed(TakenVisit visit, TakenStudentEntity student) {
        EnrolmentStatus packed = student.enrolmentStatus();
        if (packed == null) {
            return Set.of(); // the register no longer knew them at checkout: nothing here applies at the Dinas
        }
        boolean seen = student.outcome() == Kind.FOUND_RECORDED || student.outcome() == Kind.RECORDED;
        StudentState state = student.cardSerial() != null ? StudentState.PRINTED
                : seen ? StudentState.WAITING : student.state();
        EnrolmentStatus status = student.outcome() == Kind.RECORDED ? EnrolmentStatus.SENT_FOR_ENROLMENT : packed;
        int cards = student.cardsPrinted() + (student.cardSerial() == null ? 0 : 1);
        LocalDate birthDate = student.birthDate(vault.key()); // as corrected here, if it was
        // Corrected here (step 5): at step 6, as the Dinas has them once the correction is applied.
        FieldStep step = student.outcome() == Kind.CORRECTED ? FieldStep.RECORDING : student.fieldStep();
        Set<Kind> open = EnumSet.noneOf(Kind.class);
        for (Kind kind : List.of(Kind.FOUND_RECORDED, Kind.CORRECTED, Kind.RECORDED, Kind.CARD_PRINTED)) {
            if (kind == Kind.RECORDED && student.fieldStep() != null) {
                continue; // begun at a Dinas desk: that desk goes on with them
            }
            if (OutpostRules.fits(kind, state, step, status, cards, birthDate, visit.day())) {
                open.add(kind);
            }
        }
        if (visit.cardsLeft() <= 0) {
            open.remove(Kind.CARD_PRINTED);
        }
        if (state == StudentState.ON_ROSTER && step == null) {
            open.add(Kind.ABSENT);
            open.add(Kind.REFUSED);
            if (student.outcome() != null) {
                open.remove(student.outcome());
            }
        }
        return open;
    }

    /** The 17th birthday when it comes after the visit's day: the birthday queue's day for the student's card. */
    private static @Nullable LocalDate printsOn(LocalDate birthDate, LocalDate day) {
        LocalDate seventeenth = Eligibility.birthday(birthDate, Eligibility.KTP_AGE);
        return seventeenth.isAfter(day) ? seventeenth : null;
    }

    private static String serial(@Nullable String typed) {
        String serial = typed == null ? "" : typed.strip();
        if (serial.isEmpty() || serial.length() > OutpostBundle.CARD_SERIAL_MAX_LENGTH
                || !CARD_SERIAL.matcher(serial).matches()) {
            throw new RuleViolation("outpost.error.card-serial");
        }
        return serial;
    }
}
