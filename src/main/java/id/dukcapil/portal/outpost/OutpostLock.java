package id.dukcapil.portal.outpost;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.outpost.internal.OutpostVault;
import id.dukcapil.portal.outpost.internal.TakenDayRepository;
import id.dukcapil.portal.outpost.internal.TakenVisitRepository;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.staff.MyAccount;
import java.time.Duration;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The sealed data of the work an outpost holds (decisions 199, 200: a visit or a point's day): locked when the machine
 * restarts or is left alone, opened with the Dinas password of an officer who has a slot (the one who took the work,
 * and whoever added theirs).
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.REGISTRATION_OPERATOR + "','"
        + Roles.RECORDING_OPERATOR + "','" + Roles.ADMIN + "')")
public class OutpostLock {

    /** Wrong passwords at the unlock, per name: the slots' key derivation is slow, and this is slower still. */
    static final Limit UNLOCK_TRIES = Limit.of(5, Duration.ofMinutes(15));

    private final OutpostVault vault;
    private final Throttle unlockTries;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final MyAccount myAccount;
    private final TakenVisitRepository visits;
    private final TakenDayRepository days;

    OutpostLock(OutpostVault vault, Throttles throttles, AuditLog auditLog, CurrentActor currentActor,
                MyAccount myAccount, TakenVisitRepository visits, TakenDayRepository days) {
        this.days = days;
        this.myAccount = myAccount;
        this.visits = visits;
        this.vault = vault;
        this.unlockTries = throttles.perNode("outpost.unlock", UNLOCK_TRIES);
        this.auditLog = auditLog;
        this.currentActor = currentActor;
    }

    /** Whether the visit held is locked: its data sealed, its key not in this node's memory (a restart, a lock). */
    public boolean locked() {
        return vault.locked();
    }

    /** The laptop left alone: the key leaves memory. */
    public void lock() {
        vault.lock();
        auditLog.record(AuditRecord.success("outpost.vault.locked", "OutpostVault", "data"));
    }

    /** Opens the visit's data with an officer's password; five wrong ones in 15 minutes for one name and it waits. */
    public void unlock(String typed, char[] password) {
        // One name, one count: as the staff sign-in reads a name (trimmed, lower case), so "Lapangan " is lapangan.
        String username = typed.strip().toLowerCase(Locale.ROOT);
        if (unlockTries.spent(username)) {
            throw new RuleViolation("outpost.error.unlock-throttled");
        }
        if (!vault.unlock(username, password)) {
            unlockTries.take(username);
            auditLog.record(new AuditRecord("outpost.vault.unlock-refused", "OutpostVault", "data",
                    Outcome.REFUSED, "username=" + username));
            throw new RuleViolation("outpost.error.unlock-refused");
        }
        unlockTries.forgive(username);
        auditLog.record(AuditRecord.success("outpost.vault.unlocked", "OutpostVault", "data")
                .withDetail("username=" + username));
    }

    /**
     * The signed-in officer can open the data after a restart too: a slot with their password. A field officer of
     * the visit's team, or a desk operator carried with the day held.
     */
    @PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.REGISTRATION_OPERATOR + "','"
            + Roles.RECORDING_OPERATOR + "')")
    public void addSlot(char[] password) {
        String officer = currentActor.get().id();
        if (visits.held().filter(visit -> visit.team().contains(officer)).isEmpty()
                && days.held().filter(day -> day.operators().contains(officer)).isEmpty()) {
            throw new RuleViolation("outpost.error.not-in-team", officer);
        }
        if (unlockTries.spent(officer)) {
            throw new RuleViolation("outpost.error.unlock-throttled");
        }
        if (!myAccount.passwordIs(new String(password))) {
            unlockTries.take(officer);
            throw new RuleViolation("outpost.error.password-wrong");
        }
        vault.addSlot(officer, password);
        auditLog.record(AuditRecord.success("outpost.vault.slot-added", "OutpostVault", "data")
                .withDetail("username=" + officer));
    }
}
