package id.dukcapil.portal.staff;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.internal.StaffAccountEntity;
import id.dukcapil.portal.staff.internal.StaffAccountRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in staff member's own account: who they are, and changing their password.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class MyAccount {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;

    MyAccount(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<StaffAccount> current() {
        return currentEntity().map(StaffAccountEntity::toRecord);
    }

    /** True when an admin reset the password and the user has not chosen a new one yet. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        return currentEntity().map(StaffAccountEntity::mustChangePassword).orElse(false);
    }

    /**
     * @throws RuleViolation with every broken rule: a wrong current password, a weak or reused new one
     */
    @Transactional(noRollbackFor = RuleViolation.class)
    public void changePassword(String currentPassword, String newPassword) {
        StaffAccountEntity account = currentEntity().orElseThrow(() -> new RuleViolation("staff.error.not-found"));
        if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
            auditLog.record(new AuditRecord("staff.password.changed", StaffAdministration.SUBJECT, account.username(),
                    Outcome.REFUSED, "wrong current password"));
            throw new RuleViolation("password.error.current-wrong");
        }
        List<String> broken = new java.util.ArrayList<>(PasswordPolicy.violations(account.username(), newPassword));
        if (passwordEncoder.matches(newPassword, account.passwordHash())) {
            broken.add("password.rule.reuse");
        }
        if (!broken.isEmpty()) {
            throw new RuleViolation(broken, PasswordPolicy.MIN_LENGTH);
        }
        account.changePassword(Objects.requireNonNull(passwordEncoder.encode(newPassword)), clock.instant(), false);
        auditLog.record(AuditRecord.success("staff.password.changed", StaffAdministration.SUBJECT, account.username()));
    }

    /**
     * Whether the password is the signed-in account's own: for a step that asks for it again (the outpost's key slot,
     * decision 199). The caller counts the wrong ones.
     */
    @Transactional(readOnly = true)
    public boolean passwordIs(String password) {
        return currentEntity().map(account -> passwordEncoder.matches(password, account.passwordHash()))
                .orElse(false);
    }

    private Optional<StaffAccountEntity> currentEntity() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? Optional.empty() : accounts.findByUsername(authentication.getName());
    }
}
