package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins, locks an account after too many, and records every sign-in, failure,
 * lockout and sign-out in the audit log.
 */
@Component
class SignInAttempts {

    static final String SUBJECT = "StaffAccount";

    private final StaffAccountStore accounts;
    private final UnknownNameLockout unknownNames;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final SignInMeters meters;

    SignInAttempts(StaffAccountStore accounts, UnknownNameLockout unknownNames, AuditLog auditLog, Clock clock,
                   @Value("${portal.security.max-failed-sign-ins:5}") int maxFailures,
                   @Value("${portal.security.lockout:15m}") Duration lockout, SignInMeters meters) {
        this.accounts = accounts;
        this.unknownNames = unknownNames;
        this.auditLog = auditLog;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.meters = meters;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal)) {
            return;
        }
        accounts.byUsernameForUpdate(principal.getUsername()).ifPresent(account -> {
            account.signedIn(clock.instant());
            accounts.update(account);
            auditLog.record(StaffActorResolver.actorOf(principal),
                    AuditRecord.success("staff.sign-in", SUBJECT, principal.getUsername()));
        });
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = claimedName(event.getAuthentication());
        Instant now = clock.instant();
        accounts.byUsernameForUpdate(username).ifPresentOrElse(account -> {
            boolean lockedNow = account.signInFailed(now, maxFailures, lockout);
            meters.wrongPassword();
            accounts.update(account);
            auditLog.record(Actor.anonymous(username), new AuditRecord("staff.sign-in", SUBJECT, username,
                    Outcome.FAILURE, "wrong password"));
            if (lockedNow) {
                meters.locked();
                auditLog.record(Actor.system("sign-in"), new AuditRecord("staff.locked", SUBJECT, username,
                        Outcome.SUCCESS, maxFailures + " failed sign-ins; locked until " + now.plus(lockout)));
            }
        }, () -> {
            meters.unknownName();
            unknownNames.failed(username, now); // counted like an account's: the lock must not tell who exists
            auditLog.record(Actor.anonymous(username), new AuditRecord("staff.sign-in", null, null,
                    Outcome.FAILURE, "unknown username"));
        });
    }

    /** Refused before the password was checked: locked or deactivated. */
    @EventListener
    public void onOtherFailure(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            return;
        }
        meters.refused();
        String username = claimedName(event.getAuthentication());
        boolean known = accounts.exists(username);
        auditLog.record(Actor.anonymous(username), new AuditRecord("staff.sign-in", known ? SUBJECT : null,
                known ? username : null, Outcome.REFUSED, event.getException().getClass().getSimpleName()));
    }

    @EventListener
    public void onSignOut(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
            auditLog.record(StaffActorResolver.actorOf(principal),
                    AuditRecord.success("staff.sign-out", SUBJECT, principal.getUsername()));
        }
    }

    private static String claimedName(Authentication authentication) {
        String name = authentication.getName();
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

}
