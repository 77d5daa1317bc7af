package id.dukcapil.portal.staff;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.staff.internal.ServicePointEntity;
import id.dukcapil.portal.staff.internal.ServicePointRepository;
import id.dukcapil.portal.staff.internal.StaffAccountEntity;
import id.dukcapil.portal.staff.internal.StaffAccountRepository;
import id.dukcapil.portal.staff.internal.StaffSessions;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.PageOrder;
import jakarta.validation.Valid;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * What an ADMIN does with staff accounts: create, edit, deactivate, unlock, reset a password. Every change
 * is audited. Two admins editing one account: the second save is refused, not silently overwriting.
 */
@Service
@Validated
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class StaffAdministration {

    static final String SUBJECT = "StaffAccount";
    private static final String TEMPORARY_PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffAccountRepository accounts;
    private final ServicePointRepository servicePoints;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final StaffSessions sessions;
    private final Clock clock;

    StaffAdministration(StaffAccountRepository accounts, ServicePointRepository servicePoints,
                        PasswordEncoder passwordEncoder, AuditLog auditLog, StaffSessions sessions, Clock clock) {
        this.accounts = accounts;
        this.servicePoints = servicePoints;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Accounts whose username or name contains the text, in the page's order (the admin's click on a column), by name
     * when it has none; the id last, so that a page follows the one before it.
     */
    @Transactional(readOnly = true)
    public Slice<StaffAccount> search(@Nullable String text, Pageable page) {
        String like = StringUtils.hasText(text) ? "%" + text.strip().toLowerCase(Locale.ROOT) + "%" : null;
        return accounts.search(like, PageOrder.of(page, Sort.by("fullName"))).map(StaffAccountEntity::toRecord);
    }

    @Transactional(readOnly = true)
    public Optional<StaffAccount> find(long id) {
        return accounts.findById(id).map(StaffAccountEntity::toRecord);
    }

    /**
     * Creates an account with a temporary password, to be changed at the first sign-in.
     *
     * @return the account and its temporary password, shown once to the admin
     */
    @Transactional
    public CreatedAccount create(@Valid StaffForm form) {
        String username = normalized(form.username());
        if (accounts.existsByUsername(username)) {
            throw new RuleViolation("staff.error.username-taken", username);
        }
        String temporaryPassword = temporaryPassword();
        StaffAccountEntity account = new StaffAccountEntity(username, form.fullName().strip(),
                Objects.requireNonNull(passwordEncoder.encode(temporaryPassword)), servicePoint(form.servicePointId()),
                form.roles(), clock.instant());
        account.update(username, form.fullName().strip(), email(form.email()), blankToNull(form.nip()),
                servicePoint(form.servicePointId()), form.roles(), form.active());
        account.requirePasswordChange();
        accounts.save(account);
        auditLog.record(AuditRecord.success("staff.account.created", SUBJECT, username)
                .withDetail("roles=" + form.roles() + " servicePoint=" + account.servicePoint().code()));
        return new CreatedAccount(account.toRecord(), temporaryPassword);
    }

    /**
     * Saves an edit made on the given version of the account.
     *
     * @throws RuleViolation {@code staff.error.changed-meanwhile} when someone else saved it in between
     */
    @Transactional
    public StaffAccount update(long id, long expectedVersion, @Valid StaffForm form) {
        StaffAccountEntity account = accounts.findById(id).orElseThrow(() -> new RuleViolation("staff.error.not-found"));
        if (account.version() != expectedVersion) {
            throw new RuleViolation("staff.error.changed-meanwhile");
        }
        String username = normalized(form.username());
        if (!username.equals(account.username()) && accounts.existsByUsername(username)) {
            throw new RuleViolation("staff.error.username-taken", username);
        }
        StaffAccount before = account.toRecord();
        account.update(username, form.fullName().strip(), email(form.email()), blankToNull(form.nip()),
                servicePoint(form.servicePointId()), form.roles(), form.active());
        try {
            accounts.saveAndFlush(account);
        } catch (OptimisticLockingFailureException e) {
            throw new RuleViolation("staff.error.changed-meanwhile");
        }
        StaffAccount after = account.toRecord();
        auditLog.record(AuditRecord.success(before.active() && !after.active() ? "staff.account.deactivated"
                        : "staff.account.updated", SUBJECT, username)
                .withDetail(StaffChanges.describe(before, after)));
        endSessionsAfterCommit(account);
        return after;
    }

    /**
     * @return the new temporary password, shown once to the admin; the user must change it at sign-in
     * @throws RuleViolation {@code staff.error.own-reset} for the administrator's own account, changed on the password
     *                       page instead
     */
    @Transactional
    public String resetPassword(long id) {
        StaffAccountEntity account = accounts.findById(id).orElseThrow(() -> new RuleViolation("staff.error.not-found"));
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && account.username().equals(signedIn.getName())) {
            // A reset ends the administrator's own session before the temporary password could be read: locked out.
            throw new RuleViolation("staff.error.own-reset");
        }
        String temporaryPassword = temporaryPassword();
        account.changePassword(Objects.requireNonNull(passwordEncoder.encode(temporaryPassword)), clock.instant(), true);
        account.unlock();
        auditLog.record(AuditRecord.success("staff.password.reset", SUBJECT, account.username()));
        endSessionsAfterCommit(account);
        return temporaryPassword;
    }

    @Transactional
    public void unlock(long id) {
        StaffAccountEntity account = accounts.findById(id).orElseThrow(() -> new RuleViolation("staff.error.not-found"));
        account.unlock();
        auditLog.record(AuditRecord.success("staff.account.unlocked", SUBJECT, account.username()));
    }

    /**
     * Once the change is kept, this node sends the account's open screens to the sign-in page if it no longer grants
     * what they were signed in with (issue 52 item 6); other nodes see it at their next sweep.
     */
    private void endSessionsAfterCommit(StaffAccountEntity account) {
        long accountId = account.id();
        String stamp = account.accessStamp();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.accessChanged(accountId, stamp);
            }
        });
    }

    /** Accounts active, and locked now: the ADMIN's home view. */
    @Transactional(readOnly = true)
    public AccountCounts counts() {
        return new AccountCounts(accounts.countByActiveTrue(), accounts.countByLockedUntilAfter(clock.instant()));
    }

    public record AccountCounts(long active, long locked) {
    }

    public record CreatedAccount(StaffAccount account, String temporaryPassword) {
    }

    private ServicePointEntity servicePoint(long id) {
        return servicePoints.findById(id).orElseThrow(() -> new RuleViolation("staff.error.service-point"));
    }

    private static String normalized(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** One plain address (the same {@link Email} rule as every other edge), or none. */
    private static @Nullable String email(@Nullable String text) {
        return StringUtils.hasText(text) ? Email.parse(text).value() : null;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return StringUtils.hasText(text) ? text.strip() : null;
    }

    /** 12 characters from an alphabet without look-alikes (0/O, 1/l/I), meeting the password rules. */
    static String temporaryPassword() {
        while (true) {
            StringBuilder password = new StringBuilder(12);
            for (int i = 0; i < 12; i++) {
                password.append(TEMPORARY_PASSWORD_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_PASSWORD_ALPHABET.length())));
            }
            if (PasswordPolicy.violations("", password.toString()).isEmpty()) {
                return password.toString();
            }
        }
    }
}
