package id.dukcapil.portal.staff.demo;

import id.dukcapil.portal.shared.tx.FirstStart;
import id.dukcapil.portal.staff.internal.BootstrapAdmin;
import id.dukcapil.portal.staff.StaffAccount;
import id.dukcapil.portal.staff.internal.ServicePointEntity;
import id.dukcapil.portal.staff.internal.ServicePointRepository;
import id.dukcapil.portal.staff.internal.StaffAccountEntity;
import id.dukcapil.portal.staff.internal.StaffAccountRepository;
import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.ServicePointKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's office: the Dinas, the MPP and the UKL of each of the 31 kecamatan of Kabupaten Bandung,
 * and one demo user per role (README). Runs once, on an empty database.
 */
@Component
@Profile("demo")
@Order(-1)
class DemoStaff implements ApplicationRunner {

    static final String DINAS_CODE = BootstrapAdmin.DINAS_CODE;
    /** Every demo user's password; the demo profile only. */
    static final String DEMO_PASSWORD = "Dukcapil#2026";

    record DemoUser(String username, String fullName, Role role, String servicePoint) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Rina Marlina", Role.ADMIN, DINAS_CODE),
            new DemoUser("kadis", "Dr. H. Asep Sukmana, M.Si.", Role.HEAD, DINAS_CODE),
            new DemoUser("verifikator", "Dewi Lestari, S.Kom.", Role.VERIFIER, DINAS_CODE),
            new DemoUser("operator", "Budi Santoso", Role.OPERATOR, DINAS_CODE),
            new DemoUser("cetak", "Yusuf Maulana", Role.PRINT_OPERATOR, "MPP-SOREANG"),
            new DemoUser("registrasi", "Siti Nurhaliza", Role.REGISTRATION_OPERATOR, "UKL-320437"),
            new DemoUser("perekaman", "Agus Setiawan", Role.RECORDING_OPERATOR, "UKL-320437"),
            new DemoUser("ikd", "Fitri Handayani", Role.IKD_OFFICER, "MPP-SOREANG"),
            new DemoUser("perencana", "Hendra Gunawan", Role.PLANNER, DINAS_CODE),
            new DemoUser("lapangan", "Rudi Hartono", Role.FIELD_OFFICER, DINAS_CODE),
            new DemoUser("manajer", "Ir. Nining Suryani", Role.MANAGER, DINAS_CODE));

    private final ServicePointRepository servicePoints;
    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;
    private final FirstStart firstStart;

    DemoStaff(FirstStart firstStart,
              ServicePointRepository servicePoints, StaffAccountRepository accounts, PasswordEncoder passwordEncoder,
              AuditLog auditLog, Clock clock) {
        this.firstStart = firstStart;
        this.servicePoints = servicePoints;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        firstStart.exclusively("demo staff and service points", this::fill);
    }

    private void fill() {
        if (servicePoints.count() == 0) {
            loadServicePoints();
        }
        if (accounts.count() > 0) {
            return;
        }
        String hash = Objects.requireNonNull(passwordEncoder.encode(DEMO_PASSWORD));
        for (DemoUser user : USERS) {
            ServicePointEntity servicePoint = servicePoints.findByCode(user.servicePoint()).orElseThrow();
            accounts.save(new StaffAccountEntity(user.username(), user.fullName(), hash, servicePoint,
                    Set.of(user.role()), clock.instant()));
            auditLog.record(Actor.system("demo"), AuditRecord.success("staff.account.created", "StaffAccount",
                    user.username()).withDetail("demo user, role " + user.role()));
        }
    }

    private void loadServicePoints() {
        var csv = new ClassPathResource("demo/kabupaten-bandung-service-points.csv");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(line -> line.split(",", -1)).forEach(cells -> servicePoints.save(
                    new ServicePointEntity(cells[0], cells[3], ServicePointKind.valueOf(cells[1]), cells[2], cells[4])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
