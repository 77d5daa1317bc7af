package id.dukcapil.portal.outpost;

import id.dukcapil.portal.audit.AuditJournal;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.OutpostJournal;
import id.dukcapil.portal.outpost.internal.DataKey;
import id.dukcapil.portal.outpost.internal.DinasClient;
import id.dukcapil.portal.outpost.internal.TakenDayRepository;
import id.dukcapil.portal.outpost.internal.OperationRepository;
import id.dukcapil.portal.outpost.internal.OutpostVault;
import id.dukcapil.portal.outpost.internal.TakenStudentEntity;
import id.dukcapil.portal.outpost.internal.TakenStudentRepository;
import id.dukcapil.portal.outpost.internal.TakenVisitEntity;
import id.dukcapil.portal.outpost.internal.TakenVisitRepository;
import id.dukcapil.portal.outpost.internal.TakenVisitView;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.OutpostPackage;
import id.dukcapil.portal.schoolvisit.Outposts;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.CarriedAccounts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an outpost node exchanges with the Dinas (issue 53, decision 199), each time with the officer's own Dinas
 * password, sent and never kept: the team's visits today, a visit taken, and the visit sent back with every step made
 * here as one signed bundle. No database transaction is open while the Dinas is asked.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.ADMIN + "')")
public class OutpostTransfers {

    /** How far the laptop's clock may be from the Dinas's: the Dinas refuses a bundle with steps outside its times. */
    static final Duration CLOCK_SKEW_MAX = Duration.ofMinutes(5);
    /** The most accounts carried with one visit: a team is a few officers. */
    static final int TEAM_MAX = 20;

    private final TakenVisitRepository visits;
    private final TakenDayRepository days;
    private final NodeKeys nodeKeys;
    private final TakenStudentRepository students;
    private final OperationRepository operations;
    private final TakenVisitView views;
    private final DinasClient dinas;
    private final OutpostVault vault;
    private final OutpostProperties settings;
    private final CarriedAccounts carriedAccounts;
    private final AuditLog auditLog;
    private final AuditJournal journal;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutpostTransfers(TakenVisitRepository visits, TakenDayRepository days, NodeKeys nodeKeys,
                     TakenStudentRepository students,
                     OperationRepository operations, TakenVisitView views, DinasClient dinas, OutpostVault vault,
                     OutpostProperties settings,
                     CarriedAccounts carriedAccounts, AuditLog auditLog, AuditJournal journal,
                     TransactionTemplate transactions, Clock clock) {
        this.journal = journal;
        this.visits = visits;
        this.days = days;
        this.nodeKeys = nodeKeys;
        this.students = students;
        this.operations = operations;
        this.views = views;
        this.dinas = dinas;
        this.vault = vault;
        this.settings = settings;
        this.carriedAccounts = carriedAccounts;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The Dinas's address as typed: https, or http to this machine; refused in words otherwise. */
    public static URI dinasAddress(String typed) {
        try {
            return DinasClient.address(typed);
        } catch (IllegalArgumentException notAnAddress) {
            throw new RuleViolation("outpost.error.dinas-url");
        }
    }

    /** The officer's team's visits today at the Dinas, to take one. */
    public List<OfferedVisit> offered(URI dinasUrl, String username, char[] password, Locale language) {
        return DinasClient.inWords(() -> dinas.visits(dinasUrl, username, password, language));
    }

    /**
     * Takes a visit of the officer's team from the Dinas, with its team's accounts; the roster's personal data and the
     * bundle's secret sealed under a new key that the officer's password opens. Refused while this outpost holds
     * another, and when the laptop's clock is off the Dinas's; asking again for the same visit gets the same checkout
     * (the Dinas hands it again to the same outpost and officer), so a package lost on the way is not a visit lost.
     */
    public TakenVisit take(URI dinasUrl, long visitId, String username, char[] password, Locale language) {
        if (visits.held().isPresent() || days.held().isPresent()) {
            throw new RuleViolation("outpost.error.one-out");
        }
        String name = settings.name().isEmpty() ? "Pos lapangan" : settings.name();
        String key = nodeKeys.key();
        OutpostPackage taken = DinasClient.inWords(() -> dinas.checkOut(dinasUrl, visitId, name, key, username,
                password,
                language));
        Duration skew = Duration.between(taken.issuedAt(), clock.instant()).abs();
        if (skew.compareTo(CLOCK_SKEW_MAX) > 0) {
            throw new RuleViolation("outpost.error.clock", skew.toMinutes());
        }
        // Only the visit's own team, with a password hash the portal makes: a package is data, not orders.
        List<CarriedAccounts.Carried> team = taken.team().stream()
                .filter(member -> taken.visit().team().contains(member.username())).limit(TEAM_MAX).toList();
        DataKey[] made = new DataKey[1];
        long journalFrom = journal.head();
        try {
            TakenVisitEntity saved = transactions.execute(status -> {
                nodeKeys.refuseUnlessFree(() -> visits.held().isPresent() || days.held().isPresent());
                made[0] = vault.fresh(username, password);
                TakenVisitEntity visit = new TakenVisitEntity(dinasUrl, taken, made[0], journalFrom);
                visit.carried(carriedAccounts.adopt(team, work(visitId)));
                visits.saveAndFlush(visit);
                students.saveAll(taken.roster().stream()
                        .map(packed -> new TakenStudentEntity(taken.checkoutId(), packed, made[0])).toList());
                auditLog.record(AuditRecord.success("outpost.visit.taken", "SchoolVisit", String.valueOf(visitId))
                        .withDetail("checkout=" + taken.checkoutId() + "; dinas=" + dinasUrl.getHost()
                                + "; students=" + taken.roster().size() + "; cards=" + taken.cardsOut()
                                + "; accounts=" + visit.carriedAccounts().size()));
                return visit;
            });
            vault.install(made[0]);
            return views.of(saved);
        } catch (DataIntegrityViolationException anotherAtOnce) {
            // Two takes at once (two clicks, two tablets): the one visit held is the other's.
            throw new RuleViolation("outpost.error.one-out");
        }
    }

    /**
     * Sends every step made here to the Dinas as one bundle signed with the checkout's secret, with the blank cards
     * brought back. The bundle is fixed before it leaves ({@code SENDING}: no new step meanwhile, so nothing is made
     * that it does not carry); the visit is the Dinas's again once the Dinas has answered. A Dinas never reached, or
     * refusing, leaves the team working as before; a Dinas that may have taken it (the answer lost) leaves the visit
     * sending, and the same bundle goes again: the Dinas applies each step once.
     */
    public TakenVisit checkIn(String username, char[] password, int cardsBroughtBack, Locale language) {
        TakenVisitEntity held = transactions.execute(status -> {
            TakenVisitEntity visit = visits.heldLocked()
                    .orElseThrow(() -> new RuleViolation("outpost.error.nothing-out"));
            if (cardsBroughtBack < 0 || cardsBroughtBack > visit.cardsOut()) {
                throw new RuleViolation("outpost.error.cards-back", visit.cardsOut());
            }
            visit.sending((int) operations.countByCheckoutId(visit.checkoutId()));
            return visits.saveAndFlush(visit);
        });
        OutpostBundle bundle;
        String signature;
        try {
            Integer sent = held.sentOperations();
            List<OutpostBundle.Operation> carried = operations.findByCheckoutIdOrderByPosition(held.checkoutId())
                    .stream().limit(sent == null ? 0 : sent).map(kept -> kept.operation(vault.key())).toList();
            // What happened on this laptop since the take, in its log's order, each entry with its links and checked
            // here under this node's chain key: joined into the Dinas's log, with where the check found it broken.
            AuditJournal.Stretch stretch = journal.stretchAfter(held.journalFrom(), OutpostBundle.JOURNAL_MAX);
            List<OutpostJournal.Entry> entries = stretch.entries().stream().map(OutpostJournal.Entry::of).toList();
            bundle = new OutpostBundle(held.checkoutId(), cardsBroughtBack, carried, entries, stretch.brokenAt(),
                    stretch.notTaken());
            signature = Outposts.sign(bundle, held.secret(vault.key()));
        } catch (RuntimeException beforeSending) {
            notSent(held); // nothing left: the team goes on (locked, the officer opens it first)
            throw beforeSending;
        }
        DinasClient.CheckInAnswer answer;
        try {
            answer = dinas.checkIn(held.dinasUrl(), bundle, signature, username, password, language);
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
        TakenVisitEntity back = transactions.execute(status -> {
            TakenVisitEntity visit = visits.heldLocked().filter(same -> same.checkoutId() == held.checkoutId())
                    .orElse(null);
            if (visit == null) {
                return visits.findById(held.checkoutId()).orElseThrow(); // the other send's answer came first
            }
            visit.back(clock.instant(), answer.handoverWords() == null ? answer.cards()
                    : answer.cards() + " " + answer.handoverWords());
            carriedAccounts.release(visit.carriedAccounts(), work(visit.visitId()));
            // The work is the Dinas's again: its personal data and its key leave the laptop.
            students.deleteRoster(visit.checkoutId());
            vault.forget();
            auditLog.record(AuditRecord.success("outpost.visit.checked-in", "SchoolVisit",
                    String.valueOf(visit.visitId())).withDetail("checkout=" + visit.checkoutId()
                    + "; operations=" + bundle.operations().size() + "; applied=" + answer.applied()
                    + "; already applied=" + answer.alreadyApplied() + "; to reconcile=" + answer.toReconcile()
                    + "; card difference=" + answer.cardDifference()));
            return visits.saveAndFlush(visit);
        });
        return views.of(back);
    }

    /** A send that may have reached the Dinas: from now on only this bundle goes, whatever later tries meet. */
    private void mayHaveArrived(TakenVisitEntity held) {
        transactions.executeWithoutResult(status -> visits.heldLocked()
                .filter(visit -> visit.checkoutId() == held.checkoutId()).ifPresent(visit -> {
                    visit.mayHaveArrived();
                    visits.saveAndFlush(visit);
                }));
    }

    private void notSent(TakenVisitEntity held) {
        transactions.executeWithoutResult(status -> visits.heldLocked()
                .filter(visit -> visit.checkoutId() == held.checkoutId()).ifPresent(visit -> {
                    visit.notSent();
                    visits.saveAndFlush(visit);
                }));
    }

    /** The work the team's accounts are carried for. */
    private static String work(long visitId) {
        return "SchoolVisit:" + visitId;
    }
}
