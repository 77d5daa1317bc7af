package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a staff sign-in ({@link StaffSignIn}) leaves behind: a success starts the account's count afresh; every
 * sign-in, failure, refusal, lockout and sign-out is recorded in the audit log, with the truth the answer hides (an
 * unknown name, a deactivated account).
 */
@Component
class SignInAttempts {

    static final String SUBJECT = "StaffAccount";

    private final StaffAccountRepository accounts;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SignInMeters meters;

    SignInAttempts(StaffAccountRepository accounts, AuditLog auditLog, Clock clock, SignInMeters meters) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.clock = clock;
        this.meters = meters;
    }

    /** The right password of an active account: its count and lock cleared, its principal as it is now. */
    @Transactional
    public StaffPrincipal signedIn(String username) {
        StaffAccountEntity account = accounts.findForUpdateByUsername(username).filter(StaffAccountEntity::active)
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        account.signedIn(clock.instant());
        StaffPrincipal principal = new StaffPrincipal(account, true,
                account.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
        auditLog.record(StaffActorResolver.actorOf(principal),
                AuditRecord.success("staff.sign-in", SUBJECT, principal.getUsername()));
        return principal;
    }

    /**
     * A password checked and refused, its try already counted; {@code lockedUntil} when that try was the last one
     * before the lock.
     */
    @Transactional
    public void failed(String name, Optional<StaffAccountEntity> account, @Nullable Instant lockedUntil,
                       int maxFailures) {
        String why = account.map(found -> found.active() ? "wrong password" : "deactivated account")
                .orElse("unknown username");
        if (account.isPresent() && account.get().active()) {
            meters.wrongPassword();
        } else {
            meters.unknownName(); // a deactivated account's try is counted as an unknown name's, as it is answered
        }
        auditLog.record(Actor.anonymous(name), new AuditRecord("staff.sign-in", account.isPresent() ? SUBJECT : null,
                account.isPresent() ? name : null, Outcome.FAILURE, why));
        if (lockedUntil != null) {
            meters.locked();
        }
        if (lockedUntil != null && account.isPresent()) {
            auditLog.record(Actor.system("sign-in"), new AuditRecord("staff.locked", SUBJECT, name,
                    Outcome.SUCCESS, maxFailures + " failed sign-ins; locked until " + lockedUntil));
        }
    }

    /** Refused before any password was checked: the name locked, or its client over its limit. */
    @Transactional
    public <E extends AuthenticationException> E refused(String name, E refusal, String why) {
        meters.refused();
        boolean known = accounts.existsByUsername(name);
        auditLog.record(Actor.anonymous(name), new AuditRecord("staff.sign-in", known ? SUBJECT : null,
                known ? name : null, Outcome.REFUSED, why));
        return refusal;
    }

    @EventListener
    public void onSignOut(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
            auditLog.record(StaffActorResolver.actorOf(principal),
                    AuditRecord.success("staff.sign-out", SUBJECT, principal.getUsername()));
        }
    }
}
