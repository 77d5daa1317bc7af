package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.tx.FirstStart;
import id.dukcapil.portal.staff.PasswordPolicy;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePointKind;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * At first start, with no staff account yet, creates the first ADMIN from configuration
 * ({@code PORTAL_ADMIN_USERNAME}, {@code PORTAL_ADMIN_PASSWORD}). There is no default password: without
 * them the portal starts, says what to set, and nobody can sign in.
 */
@Component
@Order(0)
public class BootstrapAdmin implements ApplicationRunner {

    /** The Dinas's own service point, made with the first ADMIN. */
    public static final String DINAS_CODE = ServicePoint.DINAS;

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final StaffAccountRepository accounts;
    private final ServicePointRepository servicePoints;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String username;
    private final String password;
    private final String fullName;
    private final FirstStart firstStart;

    BootstrapAdmin(FirstStart firstStart, StaffAccountRepository accounts, ServicePointRepository servicePoints,
                   PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock,
                   @Value("${portal.bootstrap-admin.username:}") String username,
                   @Value("${portal.bootstrap-admin.password:}") String password,
                   @Value("${portal.bootstrap-admin.full-name:Administrator}") String fullName) {
        this.firstStart = firstStart;
        this.accounts = accounts;
        this.servicePoints = servicePoints;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
        this.username = username.strip().toLowerCase(Locale.ROOT);
        this.password = password;
        this.fullName = fullName;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        firstStart.exclusively("the first administrator", this::createFirstAdmin);
    }

    private void createFirstAdmin() {
        if (accounts.count() > 0) {
            return;
        }
        if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
            log.warn("No staff account exists yet. Set PORTAL_ADMIN_USERNAME and PORTAL_ADMIN_PASSWORD and restart "
                    + "to create the first administrator (or run the demo profile).");
            return;
        }
        List<String> broken = PasswordPolicy.violations(username, password);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("PORTAL_ADMIN_PASSWORD breaks the password rules: " + broken);
        }
        ServicePointEntity dinas = servicePoints.findByCode(DINAS_CODE).orElseGet(() -> servicePoints.save(
                new ServicePointEntity(DINAS_CODE, "Disdukcapil", ServicePointKind.DINAS, null, null)));
        accounts.save(new StaffAccountEntity(username, fullName,
                Objects.requireNonNull(passwordEncoder.encode(password)), dinas, Set.of(Role.ADMIN), clock.instant()));
        auditLog.record(Actor.system("bootstrap"), AuditRecord.success("staff.account.created", "StaffAccount", username)
                .withDetail("first administrator, from configuration"));
        log.info("Created the first administrator '{}' from configuration.", username);
    }
}
