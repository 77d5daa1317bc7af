package id.dukcapil.portal.outpost;

import id.dukcapil.portal.audit.AuditJournal;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.OutpostJournal;
import id.dukcapil.portal.outpost.internal.DataKey;
import id.dukcapil.portal.outpost.internal.DayResidentEntity;
import id.dukcapil.portal.outpost.internal.DayResidentRepository;
import id.dukcapil.portal.outpost.internal.DayStepRepository;
import id.dukcapil.portal.outpost.internal.DayVisitRepository;
import id.dukcapil.portal.outpost.internal.DinasClient;
import id.dukcapil.portal.outpost.internal.OutpostVault;
import id.dukcapil.portal.outpost.internal.TakenDayEntity;
import id.dukcapil.portal.outpost.internal.TakenDayRepository;
import id.dukcapil.portal.outpost.internal.TakenVisitRepository;
import id.dukcapil.portal.recording.OutpostDay;
import id.dukcapil.portal.recording.OutpostDayBundle;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.secret.BundleSignature;
import id.dukcapil.portal.staff.CarriedAccounts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A recording point's day taken to an outpost at the kecamatan and sent back (issue 53, decision 200), each time with
 * a desk operator's own Dinas password, sent and never kept. Taken: the kecamatan's residents sealed under a new data
 * key that the operator's password opens, the desk operators' accounts carried. Sent back: every step the desks took
 * as one signed bundle, fixed before it leaves; the residents, the visits and the key leave the machine once the
 * Dinas has it. No database transaction is open while the Dinas is asked.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.REGISTRATION_OPERATOR + "','" + Roles.RECORDING_OPERATOR + "','"
        + Roles.ADMIN + "')")
public class DayTransfers {

    /** The most accounts carried with one day: a kecamatan's desks are a few operators. */
    static final int OPERATORS_MAX = 20;

    private final TakenDayRepository days;
    private final TakenVisitRepository visitsTaken;
    private final DayResidentRepository residents;
    private final DayVisitRepository visits;
    private final DayStepRepository steps;
    private final DeskSteps daySteps;
    private final NodeKeys nodeKeys;
    private final DinasClient dinas;
    private final OutpostVault vault;
    private final OutpostProperties settings;
    private final CarriedAccounts carriedAccounts;
    private final AuditLog auditLog;
    private final AuditJournal journal;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DayTransfers(TakenDayRepository days, TakenVisitRepository visitsTaken, DayResidentRepository residents,
                 DayVisitRepository visits, DayStepRepository steps, DeskSteps daySteps, NodeKeys nodeKeys,
                 DinasClient dinas, OutpostVault vault, OutpostProperties settings, CarriedAccounts carriedAccounts,
                 AuditLog auditLog, AuditJournal journal, TransactionTemplate transactions, Clock clock) {
        this.journal = journal;
        this.days = days;
        this.visitsTaken = visitsTaken;
        this.residents = residents;
        this.visits = visits;
        this.steps = steps;
        this.daySteps = daySteps;
        this.nodeKeys = nodeKeys;
        this.dinas = dinas;
        this.vault = vault;
        this.settings = settings;
        this.carriedAccounts = carriedAccounts;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The day this outpost holds now (out, or its bundle on the way), if any. */
    @Transactional(readOnly = true)
    public Optional<DayDesks.HeldDay> current() {
        return days.held().map(this::view);
    }

    /** The last day this outpost sent back, with the Dinas's answer, if any. */
    @Transactional(readOnly = true)
    public Optional<DayDesks.HeldDay> lastBack() {
        return days.findFirstByStatusOrderByCheckoutIdDesc(TakenDayEntity.Status.BACK).map(this::view);
    }

    /** The day's register: every visit, in the order they began. */
    @Transactional(readOnly = true)
    public List<DayDesks.Visit> register() {
        return days.held().map(day -> visits.findByCheckoutIdOrderByStartedAt(day.checkoutId()).stream()
                .map(daySteps::view).toList()).orElse(List.of());
    }

    /** The latest calls, newest first: what the waiting room's board shows. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<DayDesks.Call> board(int limit) {
        return days.held().map(day -> visits.latestCalls(day.checkoutId(), Limit.of(limit)).stream()
                .map(visit -> new DayDesks.Call(visit.ticket(), visit.desk(), visit.calledAt())).toList())
                .orElse(List.of());
    }

    /**
     * Takes today's day of the operator's recording point from the Dinas, with its desk operators' accounts. Refused
     * while this outpost holds any work, and when its clock is off the Dinas's; asking again gets the same checkout.
     */
    public DayDesks.HeldDay take(URI dinasUrl, String username, char[] password, Locale language) {
        if (days.held().isPresent() || visitsTaken.held().isPresent()) {
            throw new RuleViolation("outpost.error.one-out");
        }
        String name = settings.name().isEmpty() ? "Pos kecamatan" : settings.name();
        String key = nodeKeys.key();
        OutpostDay taken = DinasClient.inWords(() -> dinas.checkOutDay(dinasUrl, name, key, settings.queuePrefix(),
                username,
                password, language));
        Duration skew = Duration.between(taken.handedAt(), clock.instant()).abs();
        if (skew.compareTo(OutpostTransfers.CLOCK_SKEW_MAX) > 0) {
            throw new RuleViolation("outpost.error.clock", skew.toMinutes());
        }
        List<CarriedAccounts.Carried> operators = taken.accounts().stream().limit(OPERATORS_MAX).toList();
        DataKey[] made = new DataKey[1];
        long journalFrom = journal.head();
        try {
            TakenDayEntity saved = transactions.execute(status -> {
                nodeKeys.refuseUnlessFree(() -> days.held().isPresent() || visitsTaken.held().isPresent());
                made[0] = vault.fresh(username, password);
                TakenDayEntity day = new TakenDayEntity(dinasUrl, taken, made[0], journalFrom);
                day.carried(carriedAccounts.adopt(operators, work(taken)));
                days.saveAndFlush(day);
                for (OutpostDay.Packed packed : taken.residents()) {
                    String index = made[0].index(packed.nik(), "outpost_day_resident.nik:" + taken.checkoutId());
                    residents.save(new DayResidentEntity(taken.checkoutId(), index, DeskSteps.sealable(packed),
                            packed.enrolmentStatus(), made[0]));
                }
                auditLog.record(AuditRecord.success("outpost.day.taken", "ServicePoint", taken.point())
                        .withDetail("checkout=" + taken.checkoutId() + "; day=" + taken.day() + "; dinas="
                                + dinasUrl.getHost() + "; residents=" + taken.residents().size() + "; first number="
                                + taken.firstNumber() + "; accounts=" + day.carriedAccounts().size()));
                return day;
            });
            vault.install(made[0]);
            return view(saved);
        } catch (DataIntegrityViolationException anotherAtOnce) {
            throw new RuleViolation("outpost.error.one-out");
        }
    }

    /**
     * Sends every step the desks took to the Dinas as one bundle signed with the checkout's secret. Fixed before it
     * leaves ({@code SENDING}); a Dinas never reached, or refusing, leaves the desks working; a Dinas that may have
     * taken it leaves the day sending, and the same bundle goes again (the Dinas applies each step once).
     */
    public DayDesks.HeldDay checkIn(String username, char[] password, Locale language) {
        TakenDayEntity held = transactions.execute(status -> {
            TakenDayEntity day = days.heldLocked().orElseThrow(() -> new RuleViolation("outpost.day.nothing-out"));
            day.sending((int) steps.countByCheckoutId(day.checkoutId()));
            return days.saveAndFlush(day);
        });
        OutpostDayBundle bundle;
        String signature;
        try {
            Integer sent = held.sentOperations();
            List<OutpostDayBundle.Operation> carried = steps.findByCheckoutIdOrderByPosition(held.checkoutId())
                    .stream().limit(sent == null ? 0 : sent).map(kept -> kept.operation(vault.key())).toList();
            // What happened on this machine since the take, each entry with its links and checked here under this
            // node's chain key: joined into the Dinas's log, with where the check found it broken.
            AuditJournal.Stretch stretch = journal.stretchAfter(held.journalFrom(), OutpostJournal.MAX);
            bundle = new OutpostDayBundle(held.checkoutId(), carried, stretch.entries().stream()
                    .map(OutpostJournal.Entry::of).toList(), stretch.brokenAt(), stretch.notTaken());
            signature = BundleSignature.sign(bundle.canonical(), held.secret(vault.key()));
        } catch (RuntimeException beforeSending) {
            notSent(held);
            throw beforeSending;
        }
        DinasClient.DayCheckInAnswer answer;
        try {
            answer = dinas.checkInDay(held.dinasUrl(), bundle, signature, username, password, language);
        } catch (DinasClient.Refused refused) {
            notSent(held);
            throw new RuleViolation("outpost.dinas.refused", refused.getMessage());
        } catch (DinasClient.Away away) {
            if (!away.reached()) {
                notSent(held);
                throw new RuleViolation("outpost.dinas.away", away.getMessage());
            }
            mayHaveArrived(held);
            throw new RuleViolation("outpost.dinas.unknown", away.getMessage());
        }
        TakenDayEntity back = transactions.execute(status -> {
            TakenDayEntity day = days.heldLocked().filter(same -> same.checkoutId() == held.checkoutId())
                    .orElse(null);
            if (day == null) {
                return days.findById(held.checkoutId()).orElseThrow(); // the other send's answer came first
            }
            day.back(clock.instant(), "applied=" + answer.applied() + "; already=" + answer.alreadyApplied()
                    + "; to reconcile=" + answer.toReconcile() + "; log entries joined=" + answer.journalEntries());
            carriedAccounts.release(day.carriedAccounts(), work(day));
            // The day is the Dinas's again: the residents, the visits and the key leave the machine.
            visits.deleteOfDay(day.checkoutId());
            residents.deleteOfDay(day.checkoutId());
            vault.forget();
            auditLog.record(AuditRecord.success("outpost.day.checked-in", "ServicePoint", day.point())
                    .withDetail("checkout=" + day.checkoutId() + "; operations=" + bundle.operations().size()
                            + "; applied=" + answer.applied() + "; already applied=" + answer.alreadyApplied()
                            + "; to reconcile=" + answer.toReconcile()));
            return days.saveAndFlush(day);
        });
        return view(back);
    }

    private DayDesks.HeldDay view(TakenDayEntity day) {
        return new DayDesks.HeldDay(day.checkoutId(), day.point(), day.pointName(), day.day(), day.outpost(),
                day.checkedOutBy(), day.checkedOutAt(), day.prefix(), day.status() == TakenDayEntity.Status.SENDING,
                daySteps.waiting(day), daySteps.dueBack(day), (int) residents.countByCheckoutId(day.checkoutId()),
                day.backAt(), day.answer());
    }

    private void mayHaveArrived(TakenDayEntity held) {
        transactions.executeWithoutResult(status -> days.heldLocked()
                .filter(day -> day.checkoutId() == held.checkoutId()).ifPresent(day -> {
                    day.mayHaveArrived();
                    days.saveAndFlush(day);
                }));
    }

    private void notSent(TakenDayEntity held) {
        transactions.executeWithoutResult(status -> days.heldLocked()
                .filter(day -> day.checkoutId() == held.checkoutId()).ifPresent(day -> {
                    day.notSent();
                    days.saveAndFlush(day);
                }));
    }

    private static String work(OutpostDay taken) {
        return "RecordingDay:" + taken.checkoutId();
    }

    private static String work(TakenDayEntity day) {
        return "RecordingDay:" + day.checkoutId();
    }
}
