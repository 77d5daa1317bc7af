package id.dukcapil.portal.browser;

import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.staff.StaffAccounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A service point of its own for a browser test whose citizen books there, as a citizen finds a point in the office:
 * a name the test knows, to choose it by on the page, and blank cards for every day of its calendar (a new point has
 * none, and a day offers no more places than the cards there are).
 */
final class CitizensPoint {

    private CitizensPoint() {
    }

    /** @return the new point's code; its name, {@code name}, is the only point of that name */
    static String named(String name, StaffAccounts staff, JdbcTemplate jdbc, BlankoStock stock, UserDetailsService users) {
        String point = staff.servicePoint();
        jdbc.update("UPDATE staff_service_point SET name = ? WHERE code = ?", name, point);
        SignedInAs.run(users, "perencana", () -> stock.receive(point, 2_000, "SJ-UJI-" + point));
        return point;
    }
}
