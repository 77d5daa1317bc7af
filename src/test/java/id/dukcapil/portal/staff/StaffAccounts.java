package id.dukcapil.portal.staff;

import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.internal.ServicePointEntity;
import id.dukcapil.portal.staff.internal.ServicePointRepository;
import id.dukcapil.portal.staff.internal.StaffAccountEntity;
import id.dukcapil.portal.staff.internal.StaffAccountRepository;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** Makes staff accounts for tests, each with a new username, so tests never share one. */
@TestComponent
public class StaffAccounts {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private final StaffAccountRepository accounts;
    private final ServicePointRepository servicePoints;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    StaffAccounts(StaffAccountRepository accounts, ServicePointRepository servicePoints, PasswordEncoder passwordEncoder,
                  Clock clock) {
        this.accounts = accounts;
        this.servicePoints = servicePoints;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** @return the new account's username */
    @Transactional
    public String create(Set<Role> roles, String password) {
        return create(roles, password, "DINAS");
    }

    /** @return the new account's username, an account of that service point */
    @Transactional
    public String create(Set<Role> roles, String password, String servicePoint) {
        String username = "test" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        accounts.save(new StaffAccountEntity(username, "Petugas Uji " + username, passwordEncoder.encode(password),
                servicePoints.findByCode(servicePoint).orElseThrow(), roles, clock.instant()));
        return username;
    }

    /**
     * A service point of its own (a UKL), for a test that counts what happens at its point: no other test's bookings,
     * days or stock are there.
     *
     * @return the new point's code
     */
    @Transactional
    public String servicePoint() {
        String code = "UJI-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        servicePoints.save(new ServicePointEntity(code, "UKL Uji " + code, ServicePointKind.UKL, "32.04.05", "Jl. Uji No. 1"));
        return code;
    }
}
