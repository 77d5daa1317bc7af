package id.dukcapil.portal.outpost;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.outpost.internal.DinasClient;
import id.dukcapil.portal.outpost.internal.OperationEntity;
import id.dukcapil.portal.outpost.internal.OperationRepository;
import id.dukcapil.portal.outpost.internal.TakenStudentEntity;
import id.dukcapil.portal.outpost.internal.TakenStudentRepository;
import id.dukcapil.portal.outpost.internal.TakenVisitEntity;
import id.dukcapil.portal.outpost.internal.TakenVisitRepository;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostPackage;
import id.dukcapil.portal.schoolvisit.Outposts;
import id.dukcapil.portal.schoolvisit.StudentState;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.CarriedAccounts;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The field team's work on an outpost node (issue 53, decision 199): a school visit taken from the Dinas while
 * connected, SOP D's steps on its roster without a connection, each kept as an operation with its own id and the
 * outpost's time, and the check-in that sends them all as one signed bundle. The Dinas applies each operation once,
 * so sending the bundle again (a cut connection, an answer lost) changes nothing there; the outpost keeps every
 * operation until the Dinas has answered.
 *
 * <p>The steps offered here are those the Dinas would apply: it checks each again on arrival and sends what no longer
 * fits (a student recorded at a Dinas desk meanwhile) to its reconciliation list.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.ADMIN + "')")
public class OutpostDesk {

    /** The steps themselves are a field officer's: the laptop's administrator takes and sends back, no more. */
    private static final String FIELD_OFFICER = "hasRole('" + Roles.FIELD_OFFICER + "')";

    /** A blank card's serial as written on it: what the Dinas takes. */
    public static final Pattern CARD_SERIAL = Pattern.compile("[A-Za-z0-9./-]{1,40}");

    private final TakenVisitRepository visits;
    private final TakenStudentRepository students;
    private final OperationRepository operations;
    private final DinasClient dinas;
    private final OutpostProperties settings;
    private final CarriedAccounts carriedAccounts;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutpostDesk(TakenVisitRepository visits, TakenStudentRepository students, OperationRepository operations,
                DinasClient dinas, OutpostProperties settings, CarriedAccounts carriedAccounts, AuditLog auditLog,
                CurrentActor currentActor, TransactionTemplate transactions, Clock clock) {
        this.visits = visits;
        this.students = students;
        this.operations = operations;
        this.dinas = dinas;
        this.settings = settings;
        this.carriedAccounts = carriedAccounts;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The signed-in officer's username: at the Dinas too, since the outpost's staff sign in as they do there. */
    public String officer() {
        return currentActor.get().id();
    }

    /** The visit this outpost holds now, if any. */
    public Optional<TakenVisit> current() {
        return visits.findFirstByStatus(TakenVisitEntity.Status.OUT).map(this::view);
    }

    /** The last visit this outpost brought back, with the Dinas's answer, if any. */
    public Optional<TakenVisit> lastBack() {
        return visits.findAll().stream().filter(visit -> visit.status() == TakenVisitEntity.Status.BACK)
                .max(java.util.Comparator.comparing(visit -> visit.backAt() == null ? Instant.EPOCH
                        : visit.backAt()))
                .map(this::view);
    }

    /**
     * The officer's team's visits today at the Dinas, to take one: the officer's own Dinas credentials, sent and not
     * kept.
     */
    public List<OfferedVisit> offered(URI dinasUrl, String username, char[] password, Locale language) {
        return call(() -> dinas.visits(dinasUrl, username, password, language));
    }

    /**
     * Takes a visit of the officer's team from the Dinas: the officer's own Dinas credentials, sent and not kept.
     * Refused while this outpost holds another; the Dinas's refusal (not in the team, out already) in its words.
     */
    public TakenVisit take(URI dinasUrl, long visitId, String username, char[] password, Locale language) {
        if (current().isPresent()) {
            throw new RuleViolation("outpost.error.one-out");
        }
        String name = settings.name().isEmpty() ? "Pos lapangan" : settings.name();
        OutpostPackage taken = call(() -> dinas.checkOut(dinasUrl, visitId, name, username, password, language));
        TakenVisitEntity saved = transactions.execute(status -> {
            TakenVisitEntity visit = new TakenVisitEntity(dinasUrl, taken);
            visit.carried(carriedAccounts.adopt(taken.team(), work(visitId)));
            visits.saveAndFlush(visit);
            students.saveAll(taken.roster().stream()
                    .map(packed -> new TakenStudentEntity(taken.checkoutId(), packed)).toList());
            auditLog.record(AuditRecord.success("outpost.visit.taken", "SchoolVisit", String.valueOf(visitId))
                    .withDetail("checkout=" + taken.checkoutId() + "; dinas=" + dinasUrl.getHost()
                            + "; students=" + taken.roster().size() + "; cards=" + taken.cardsOut()
                            + "; accounts=" + visit.carriedAccounts().size()));
            return visit;
        });
        return view(saved);
    }

    /** The roster of the visit held, by class and name, each with the steps open for them. */
    public List<TakenStudent> roster() {
        Optional<TakenVisitEntity> held = visits.findFirstByStatus(TakenVisitEntity.Status.OUT);
        if (held.isEmpty()) {
            return List.of();
        }
        TakenVisit visit = view(held.get());
        boolean fieldOfficer = currentActor.get().roles().contains(Roles.FIELD_OFFICER);
        return students.findByKeyCheckoutIdOrderByClassNameAscFullNameAsc(visit.checkoutId()).stream()
                .map(student -> new TakenStudent(student.studentId(), student.nik(), student.fullName(),
                        student.className(), student.enrolmentStatus(), student.outcome(), student.cardSerial(),
                        fieldOfficer ? allowed(visit, student) : Set.of()))
                .toList();
    }

    /**
     * One of SOP D's steps for a student of the visit held, kept as an operation with the outpost's time and the
     * signed-in officer: found recorded before, recorded here, absent, refused, or a card printed on the blank card
     * with this serial. Refused in words when the step is not open for the student, and past the checkout's limits.
     */
    @PreAuthorize(FIELD_OFFICER)
    public TakenVisit record(long studentId, Kind kind, @Nullable String cardSerial) {
        if (kind == Kind.CARD_SPOILED) {
            throw new IllegalArgumentException("a spoiled card is recorded with spoiled()");
        }
        String serial = kind == Kind.CARD_PRINTED ? serial(cardSerial) : null;
        return inHeldVisit(visit -> {
            TakenStudentEntity student = students.findById(new TakenStudentEntity.Key(visit.checkoutId(), studentId))
                    .orElseThrow(() -> new RuleViolation("outpost.error.student-not-found"));
            if (!allowed(visit, student).contains(kind)) {
                throw new RuleViolation("outpost.error.step-not-open", student.fullName());
            }
            if (kind == Kind.CARD_PRINTED) {
                student.printed(serial);
            } else {
                student.outcome(kind);
            }
            students.saveAndFlush(student);
            return new OutpostBundle.Operation(UUID.randomUUID(), kind, clock.instant(), currentActor.get().id(),
                    studentId, serial);
        });
    }

    /** A blank card spoiled in the printer, by its serial: it counts against the cards the team holds. */
    @PreAuthorize(FIELD_OFFICER)
    public TakenVisit spoiled(String cardSerial) {
        String serial = serial(cardSerial);
        return inHeldVisit(visit -> {
            if (visit.cardsLeft() <= 0) {
                throw new RuleViolation("outpost.error.no-cards");
            }
            return new OutpostBundle.Operation(UUID.randomUUID(), Kind.CARD_SPOILED, clock.instant(),
                    currentActor.get().id(), null, serial);
        });
    }

    /**
     * Sends every operation made here to the Dinas as one bundle signed with the checkout's secret, with the blank
     * cards brought back, under the officer's own Dinas credentials. The visit is the Dinas's again once it has
     * answered; while it cannot be reached nothing changes here, and sending again later is safe: the Dinas applies
     * each operation once.
     */
    public TakenVisit checkIn(String username, char[] password, int cardsBroughtBack, Locale language) {
        TakenVisitEntity held = visits.findFirstByStatus(TakenVisitEntity.Status.OUT)
                .orElseThrow(() -> new RuleViolation("outpost.error.nothing-out"));
        if (cardsBroughtBack < 0 || cardsBroughtBack > held.cardsOut()) {
            throw new RuleViolation("outpost.error.cards-back", held.cardsOut());
        }
        OutpostBundle bundle = new OutpostBundle(held.checkoutId(), cardsBroughtBack,
                operations.findByCheckoutIdOrderByPosition(held.checkoutId()).stream()
                        .map(OperationEntity::operation).toList());
        DinasClient.CheckInAnswer answer = call(() -> dinas.checkIn(held.dinasUrl(), bundle,
                Outposts.sign(bundle, held.secret()), username, password, language));
        TakenVisitEntity back = transactions.execute(status -> {
            TakenVisitEntity visit = visits.findLocked(held.checkoutId()).orElseThrow();
            if (visit.status() == TakenVisitEntity.Status.OUT) {
                visit.back(clock.instant(), answer.cards());
                carriedAccounts.release(visit.carriedAccounts(), work(visit.visitId()));
                auditLog.record(AuditRecord.success("outpost.visit.checked-in", "SchoolVisit",
                        String.valueOf(visit.visitId())).withDetail("checkout=" + visit.checkoutId()
                        + "; operations=" + bundle.operations().size() + "; applied=" + answer.applied()
                        + "; already applied=" + answer.alreadyApplied() + "; to reconcile="
                        + answer.toReconcile() + "; card difference=" + answer.cardDifference()));
            }
            return visits.saveAndFlush(visit);
        });
        return view(back);
    }

    private TakenVisit inHeldVisit(java.util.function.Function<TakenVisit, OutpostBundle.Operation> step) {
        TakenVisitEntity saved = transactions.execute(status -> {
            TakenVisitEntity held = visits.findFirstByStatus(TakenVisitEntity.Status.OUT)
                    .flatMap(visit -> visits.findLocked(visit.checkoutId()))
                    .filter(visit -> visit.status() == TakenVisitEntity.Status.OUT)
                    .orElseThrow(() -> new RuleViolation("outpost.error.nothing-out"));
            TakenVisit visit = view(held);
            refusePastLimits(visit);
            OutpostBundle.Operation operation = step.apply(visit);
            operations.saveAndFlush(new OperationEntity(visit.checkoutId(), visit.waiting() + 1, operation));
            auditLog.record(AuditRecord.success("outpost.operation.recorded", "SchoolVisit",
                    String.valueOf(visit.visitId())).withDetail("operation=" + operation.id() + "; kind="
                    + operation.kind() + (operation.studentId() == null ? "" : "; student=" + operation.studentId())
                    + (operation.cardSerial() == null ? "" : "; card=" + operation.cardSerial())));
            return held;
        });
        return view(saved);
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

    /** The steps the Dinas would apply for the student now, as {@code OutpostOperations} checks them on arrival. */
    private static Set<Kind> allowed(TakenVisit visit, TakenStudentEntity student) {
        Set<Kind> open = EnumSet.noneOf(Kind.class);
        EnrolmentStatus status = student.enrolmentStatus();
        boolean seen = student.outcome() == Kind.FOUND_RECORDED || student.outcome() == Kind.RECORDED;
        boolean untouched = student.state() == StudentState.ON_ROSTER && student.fieldStep() == null && !seen;
        if (untouched && status != null) {
            open.add(Kind.ABSENT);
            open.add(Kind.REFUSED);
            open.remove(student.outcome());
            if (recordedBefore(status) && status != EnrolmentStatus.DUPLICATE_RECORD && student.cardsPrinted() == 0) {
                open.add(Kind.FOUND_RECORDED);
            }
            if (status == EnrolmentStatus.NOT_RECORDED
                    && Eligibility.schoolRecording(student.birthDate(), visit.day()).eligible()) {
                open.add(Kind.RECORDED);
            }
        }
        boolean waiting = student.state() == StudentState.WAITING || student.outcome() == Kind.FOUND_RECORDED;
        if (waiting && status != null && student.cardSerial() == null && student.cardsPrinted() == 0
                && visit.cardsLeft() > 0
                && Eligibility.schoolCardPrinting(student.birthDate(), status, visit.day()).eligible()) {
            open.add(Kind.CARD_PRINTED);
        }
        return open;
    }

    /** The work the team's accounts are carried for. */
    private static String work(long visitId) {
        return "SchoolVisit:" + visitId;
    }

    private static boolean recordedBefore(EnrolmentStatus status) {
        return status != EnrolmentStatus.NOT_RECORDED && status != EnrolmentStatus.ENROLMENT_FAILED;
    }

    private static String serial(@Nullable String typed) {
        String serial = typed == null ? "" : typed.strip();
        if (!CARD_SERIAL.matcher(serial).matches()) {
            throw new RuleViolation("outpost.error.card-serial");
        }
        return serial;
    }

    private TakenVisit view(TakenVisitEntity visit) {
        long printed = operations.countByCheckoutIdAndKind(visit.checkoutId(), Kind.CARD_PRINTED);
        long spoiled = operations.countByCheckoutIdAndKind(visit.checkoutId(), Kind.CARD_SPOILED);
        long waiting = operations.countByCheckoutId(visit.checkoutId());
        return new TakenVisit(visit.checkoutId(), visit.dinasUrl(), visit.visitId(), visit.schoolName(),
                visit.visitDay(), visit.outpost(), visit.checkedOutBy(), visit.checkedOutAt(),
                visit.checkedOutAt().plus(settings.maxOut()), visit.cardsOut(), (int) printed, (int) spoiled,
                (int) waiting, visit.status() == TakenVisitEntity.Status.BACK, visit.answer());
    }

    /** The Dinas's answer, or its absence, in the officer's words; nothing here changed. */
    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (DinasClient.Refused refused) {
            throw new RuleViolation("outpost.dinas.refused", refused.getMessage());
        } catch (DinasClient.Away away) {
            throw new RuleViolation("outpost.dinas.away", away.getMessage());
        }
    }
}
