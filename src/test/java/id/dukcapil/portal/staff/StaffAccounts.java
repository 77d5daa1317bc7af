package id.dukcapil.portal.staff;

import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.internal.ServicePointEntity;
import id.dukcapil.portal.staff.internal.ServicePointRepository;
import id.dukcapil.portal.staff.internal.StaffAccountEntity;
import id.dukcapil.portal.staff.internal.StaffAccountRepository;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes staff accounts and service points for tests, each with a new username or code, so tests never share one.
 */
@TestComponent
public class StaffAccounts {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final AtomicInteger PLACES_MADE = new AtomicInteger();
    /** Made-up kecamatan, none of Kabupaten Bandung's 31, so that no demo point's name is found by mistake. */
    private static final List<String> PLACES = List.of("Mekarsari", "Sukamanah", "Girimulya", "Sindangsari",
            "Cikahuripan", "Margaluyu", "Sukaresmi", "Cipeundeuy", "Mulyasari", "Jatiluhur");
    /** A kecamatan of the demo's Kabupaten Bandung (Cileunyi): the region tables know it. */
    private static final String DISTRICT = "32.04.05";
    /** The Sundanese quarters a place is split into: Mekarsari Kidul, Mekarsari Kaler, … */
    private static final List<String> QUARTERS = List.of("Kidul", "Kaler", "Wetan", "Kulon", "Tengah", "Girang",
            "Hilir");

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
     * days, hours, settings or stock are there. It starts as a demo UKL starts in the tests: its kind's opening hours
     * and capacity, no blank cards, no days set, a district of the demo's kabupaten. Its name reads like a
     * kecamatan's and shows no code, as a screen shows a point: "UKL Kecamatan Mekarsari Kidul" at "Kantor Kecamatan
     * Mekarsari Kidul", none alike among the points one test JVM makes; read them with {@code ServicePoints#byCode}.
     *
     * @return the new point's code, unique in the test run
     */
    @Transactional
    public String servicePoint() {
        int n = PLACES_MADE.getAndIncrement();
        int names = PLACES.size() * QUARTERS.size();
        String place = PLACES.get(n % PLACES.size()) + " " + QUARTERS.get(n / PLACES.size() % QUARTERS.size())
                + (n < names ? "" : " " + (n / names + 1));
        String code = "UJI-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        servicePoints.save(new ServicePointEntity(code, "UKL Kecamatan " + place, ServicePointKind.UKL, DISTRICT,
                "Kantor Kecamatan " + place));
        return code;
    }
}
