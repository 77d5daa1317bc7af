package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Operation;
import id.dukcapil.portal.schoolvisit.internal.CheckoutEntity;
import id.dukcapil.portal.schoolvisit.internal.CheckoutRepository;
import id.dukcapil.portal.schoolvisit.internal.SchoolVisitRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.secret.BundleSignature;
import id.dukcapil.portal.staff.CarriedAccounts;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school visit taken to an outpost and brought back (issue 53, decision 196): the checkout hands the outpost a
 * package and a secret, and the Dinas changes nothing of the visit meanwhile; the check-in takes a signed bundle of
 * operations and applies each once, however often it arrives.
 */
@Service
@PreAuthorize(FieldDesk.TEAM)
public class Outposts {

    public static final int OUTPOST_MAX_LENGTH = 60;
    /** An outpost node's key, as it makes it: a UUID in lower case. */
    public static final String OUTPOST_KEY_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final java.util.regex.Pattern OUTPOST_KEY = java.util.regex.Pattern.compile(OUTPOST_KEY_PATTERN);
    /** A take-back's reason at most: the column's length. */
    public static final int TAKE_BACK_REASON_MAX = 300;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TeamVisits team;
    private final CheckoutRepository checkouts;
    private final StudentRepository students;
    private final PopulationRegistry registry;
    private final OutpostOperations operations;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final CarriedAccounts carriedAccounts;
    private final SchoolVisitRepository visits;
    private final Handovers handovers;
    private final Clock clock;

    Outposts(TeamVisits team, CheckoutRepository checkouts, StudentRepository students, PopulationRegistry registry,
             OutpostOperations operations, AuditLog auditLog, CurrentActor currentActor,
             CarriedAccounts carriedAccounts, SchoolVisitRepository visits, Handovers handovers, Clock clock) {
        this.visits = visits;
        this.handovers = handovers;
        this.team = team;
        this.checkouts = checkouts;
        this.students = students;
        this.registry = registry;
        this.operations = operations;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.carriedAccounts = carriedAccounts;
        this.clock = clock;
    }

    /**
     * The team takes its visit, set out and not closed, to an outpost: the package with the roster, each student's
     * register status and the blank cards the team holds, and the secret to sign the bundle with.
     */
    @Transactional
    public OutpostPackage checkOut(long visitId, String outpost, String outpostKey) {
        String name = outpost == null ? "" : outpost.strip();
        if (name.isEmpty() || name.length() > OUTPOST_MAX_LENGTH) {
            throw new RuleViolation("schoolvisit.error.outpost-name");
        }
        if (outpostKey == null || !OUTPOST_KEY.matcher(outpostKey).matches()) {
            throw new RuleViolation("schoolvisit.error.outpost-key");
        }
        // The same outpost (its own key, not its name: two laptops may share one) and officer asking again for the
        // visit they hold (the package lost on the way, the laptop crashed before it kept it) get the same checkout
        // again, not a visit out for good with a secret nobody has.
        Optional<CheckoutEntity> again = checkouts.out(visitId).filter(out -> outpostKey.equals(out.outpostKey())
                && out.checkedOutBy().equals(currentActor.id()));
        if (again.isPresent()) {
            SchoolVisit visit = team.mine(visitId);
            auditLog.record(AuditRecord.success("schoolvisit.visit.checked-out-again", "SchoolVisit",
                    String.valueOf(visitId)).withDetail("outpost=" + name + "; checkout=" + again.get().id()));
            return packageOf(again.get(), visit);
        }
        // Refused in words while the visit is out already, with whom and since when; a checkout at the same moment
        // waits for this one's row lock and is refused so.
        SchoolVisit visit = team.underwayLocked(visitId);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        CheckoutEntity checkout = checkouts.saveAndFlush(new CheckoutEntity(visitId, name, outpostKey,
                currentActor.id(), clock.instant(), HexFormat.of().formatHex(key), visit.cardsLeft()));
        OutpostPackage taken = packageOf(checkout, visit);
        auditLog.record(AuditRecord.success("schoolvisit.visit.checked-out", "SchoolVisit", String.valueOf(visitId))
                .withDetail("outpost=" + name + "; students=" + taken.roster().size() + "; cards="
                        + checkout.cardsOut()));
        return taken;
    }

    private OutpostPackage packageOf(CheckoutEntity checkout, SchoolVisit visit) {
        List<OutpostPackage.Packed> roster = students.roster(visit.schoolId(), FieldDesk.ROSTER_MAX).stream()
                .map(this::packed).toList();
        return new OutpostPackage(checkout.id(), checkout.outpost(), checkout.checkedOutBy(),
                checkout.checkedOutAt(), visit, roster, checkout.cardsOut(), checkout.secret(),
                carriedAccounts.of(visit.team()), clock.instant());
    }

    /**
     * A supervisor takes a visit back from its outpost without the bundle (the laptop lost, stolen or broken): the
     * visit is the Dinas's again at once, and what that outpost may still send goes to the reconciliation list, each
     * operation for the supervisor to apply or not. With the reason, audited.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('" + Roles.PLANNER + "','" + Roles.ADMIN + "')")
    public void takeBack(long visitId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > TAKE_BACK_REASON_MAX) {
            throw new RuleViolation("shared.reason.required", TAKE_BACK_REASON_MAX);
        }
        visits.lockById(visitId).orElseThrow(() -> new RuleViolation("schoolvisit.error.visit-not-found"));
        CheckoutEntity out = checkouts.out(visitId)
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.visit-not-out"));
        out.takenBack(currentActor.id(), clock.instant(), why);
        checkouts.saveAndFlush(out);
        auditLog.record(AuditRecord.success("schoolvisit.visit.taken-back", "SchoolVisit", String.valueOf(visitId))
                .withDetail("outpost=" + out.outpost() + "; held by=" + out.checkedOutBy() + "; since="
                        + out.checkedOutAt() + "; reason=" + why));
    }

    /**
     * Takes an outpost's signed bundle: refused whole if its signature is not the checkout's; else each operation is
     * applied in its own transaction, skipped if it arrived before, or put on the reconciliation list, and the visit
     * is the Dinas's again. Not one transaction: a bundle of a day's students would hold the register's rows for its
     * whole length, and a crash halfway leaves the operations applied so far applied, for the bundle sent again.
     */
    public CheckIn checkIn(OutpostBundle bundle, String signature) {
        CheckoutEntity checkout = operations.toCheckIn(bundle.checkoutId());
        if (!signed(bundle, checkout.secret(), signature)) {
            throw new RuleViolation("schoolvisit.error.bundle-signature");
        }
        operations.refuseStrangers(checkout.id(), bundle.operations());
        int applied = 0;
        int already = 0;
        int toReconcile = 0;
        for (Operation operation : bundle.operations()) {
            switch (applyOnce(checkout.id(), operation)) {
                case APPLIED -> applied++;
                case ALREADY_APPLIED -> already++;
                case RECONCILE -> toReconcile++;
            }
        }
        CheckIn done;
        try {
            done = operations.finish(checkout.id(), bundle.cardsBroughtBack(), applied, already, toReconcile, bundle);
        } catch (OptimisticLockingFailureException sameMoment) {
            // The same bundle's other arrival turned the checkout BACK first: this one's ending changes nothing more.
            done = operations.finish(checkout.id(), bundle.cardsBroughtBack(), applied, already, toReconcile, bundle);
        }
        return done.withHandover(handoverFor(checkout.id()));
    }

    /**
     * SOP D step 8 for the cards the outpost printed: their handover record prepared as the officer prepares it on the
     * field screen, to the Kepala Dinas's signing queue (the signature needs the centre, so it is made here, on the
     * cards' arrival). Decided from what the Dinas holds, not from this arrival: a retry after a crash between the
     * cards and their record makes the record, and a retry after a lost answer names it again. A record that cannot
     * be made now (the school's roster out at another outpost) is left to the officer's screen; the check-in stands.
     */
    private @Nullable String handoverFor(long checkoutId) {
        List<Optional<Long>> cards = operations.handoversOfCardsPrinted(checkoutId);
        if (cards.isEmpty()) {
            return null;
        }
        if (cards.stream().anyMatch(Optional::isEmpty)) {
            try {
                return handovers.prepare(operations.schoolOf(checkoutId)).number();
            } catch (RuleViolation notNow) {
                return null;
            }
        }
        return handovers.find(cards.getLast().orElseThrow()).number();
    }

    /**
     * The operation applied, or found applied by the bundle's other arrival at the same moment: that one's insert of
     * the operation's id won, this one's waited on the key, failed and was rolled back whole.
     */
    private OutpostOperations.Result applyOnce(long checkoutId, Operation operation) {
        try {
            return operations.apply(checkoutId, operation);
        } catch (DataIntegrityViolationException sameMoment) {
            if (operations.taken(operation)) {
                return OutpostOperations.Result.ALREADY_APPLIED;
            }
            throw sameMoment;
        }
    }

    /** The signature an outpost puts on a bundle: HMAC-SHA256 of its canonical bytes with the secret, hex. */
    public static String sign(OutpostBundle bundle, String secretHex) {
        return BundleSignature.sign(bundle.canonical(), secretHex);
    }

    private static boolean signed(OutpostBundle bundle, String secretHex, String signature) {
        return BundleSignature.matches(bundle.canonical(), secretHex, signature);
    }

    /**
     * A student as the outpost starts from. One the register no longer knows (gone since the roster came, decision
     * 099) goes with no enrolment status: the visit still goes out, and what the outpost does for them comes back to
     * the reconciliation list.
     */
    private OutpostPackage.Packed packed(Student student) {
        Nik nik = Nik.of(student.nik());
        EnrolmentStatus status = registry.findByNik(nik).map(Resident::enrolmentStatus).orElse(null);
        return new OutpostPackage.Packed(student.id(), student.nik(), student.fullName(), student.birthDate(),
                student.className(), student.state(), student.fieldStep(), status, registry.cardHistory(nik).size());
    }
}
