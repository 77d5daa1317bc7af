package id.dukcapil.portal.browser;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo profile's staff, one user per role (staff's DemoStaff), as the browser walks and benchmarks sign in. */
final class DemoStaff {

    static final List<String> USERS = List.of("admin", "kadis", "verifikator", "operator", "cetak", "perencana",
            "lapangan", "registrasi", "perekaman", "ikd", "manajer");

    private DemoStaff() {
    }

    /** Signs the demo user in and waits for the home page; a user who does not get in is explained ({@link #notIn}). */
    static void signIn(Browser browser, String user, JdbcTemplate jdbc) {
        browser.signIn(user, id.dukcapil.portal.PortalTest.DEMO_PASSWORD);
        try {
            browser.await(org.openqa.selenium.By.tagName("h2"));
        } catch (org.openqa.selenium.TimeoutException notIn) {
            throw notIn(user, jdbc, browser, notIn);
        }
    }

    /**
     * Why a demo user may not have got in, for a failed wait after signing in: the account's state, its last sign-ins
     * as the audit log has them, and what the home page shows when opened again (was the session in after all?).
     */
    static AssertionError notIn(String user, JdbcTemplate jdbc, Browser browser, Throwable cause) {
        return new AssertionError("The demo user " + user + " did not get in; the account: " + jdbc.queryForMap(
                "SELECT active, must_change_password, failed_sign_ins, locked_until, password_changed_at "
                        + "FROM staff_account WHERE username = ?", user)
                + "; its last sign-ins: " + jdbc.queryForList("SELECT occurred_at, outcome, detail FROM audit_entry "
                        + "WHERE action = 'staff.sign-in' AND actor_id = ? ORDER BY seq DESC LIMIT 3", user)
                + "; the home page opened again: " + browser.whereItIsNow(), cause);
    }
}
