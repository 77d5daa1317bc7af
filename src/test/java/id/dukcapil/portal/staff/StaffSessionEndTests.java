package id.dukcapil.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 52 item 6, as the attacker found it: an operator's open session kept searching residents after an
 * administrator deactivated the account and deleted its roles. Every change an administrator makes to what an
 * account may do ends its open sessions within seconds; a change of nothing it grants does not.
 */
@PortalTest
class StaffSessionEndTests {

    private static final String PASSWORD = "Sesi#Petugas2026";

    @LocalServerPort int port;
    @Autowired StaffAccounts staffAccounts;
    @Autowired StaffAdministration administration;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    enum Change {
        DEACTIVATED(form -> new StaffForm(form.username(), form.fullName(), form.email(), form.nip(),
                form.servicePointId(), form.roles(), false)),
        ROLES_CHANGED(form -> new StaffForm(form.username(), form.fullName(), form.email(), form.nip(),
                form.servicePointId(), Set.of(Role.PLANNER), form.active())),
        MOVED_TO_ANOTHER_POINT(null),
        PASSWORD_RESET(null);

        final Function<StaffForm, StaffForm> edit;

        Change(Function<StaffForm, StaffForm> edit) {
            this.edit = edit;
        }
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void an_administrators_change_ends_the_accounts_open_session_within_seconds(Change change) throws Exception {
        String username = staffAccounts.create(Set.of(Role.OPERATOR), PASSWORD);
        HttpClient session = signedIn(username);
        assertThat(home(session)).as("the home page, signed in").isEqualTo(200);

        StaffAccount account = administration(() -> administration.search(username,
                org.springframework.data.domain.PageRequest.of(0, 1)).getContent().getFirst());
        administration(() -> switch (change) {
            case PASSWORD_RESET -> administration.resetPassword(account.id());
            case MOVED_TO_ANOTHER_POINT -> administration.update(account.id(), account.version(),
                    new StaffForm(username, account.fullName(), account.email(), account.nip(),
                            pointId(staffAccounts.servicePoint()), account.roles(), true));
            default -> administration.update(account.id(), account.version(), change.edit.apply(StaffForm.of(account)));
        });

        long changed = System.nanoTime();
        int status = home(session);
        while (status == 200 && System.nanoTime() - changed < 5_000_000_000L) {
            Thread.sleep(200);
            status = home(session);
        }
        double seconds = (System.nanoTime() - changed) / 1e9;
        assertThat(status).as("the home page after the change: sent to the sign-in").isEqualTo(302);
        assertThat(seconds).as("seconds until the session ended").isLessThan(3.0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'staff.session-ended' "
                + "AND subject_id = ?", Integer.class, username)).isEqualTo(1);
    }

    @Test
    void a_change_of_nothing_the_account_grants_leaves_its_session_open() throws Exception {
        String username = staffAccounts.create(Set.of(Role.OPERATOR), PASSWORD);
        HttpClient session = signedIn(username);
        StaffAccount account = administration(() -> administration.search(username,
                org.springframework.data.domain.PageRequest.of(0, 1)).getContent().getFirst());

        administration(() -> administration.update(account.id(), account.version(), new StaffForm(username,
                "Nama Baru", account.email(), account.nip(), account.servicePoint().id(), account.roles(), true)));
        // the node believes the stamp the change committed at once (StaffSessions.accessChanged): a stamp that
        // included the name would end the session on the next request

        assertThat(home(session)).isEqualTo(200);
    }

    @Test
    void a_reset_passwords_holder_signs_in_at_once_on_the_node_that_reset_it() throws Exception {
        String username = staffAccounts.create(Set.of(Role.OPERATOR), PASSWORD);
        StaffAccount account = administration(() -> administration.search(username,
                org.springframework.data.domain.PageRequest.of(0, 1)).getContent().getFirst());
        String temporary = administration(() -> administration.resetPassword(account.id()));

        // within the two seconds in which the node believes the stamp the reset committed: the same stamp as the row's
        HttpClient session = signedIn(username, temporary);
        assertThat(home(session)).as("the fresh session's next request").isEqualTo(200);
    }

    @Test
    void an_administrator_cannot_reset_their_own_password_and_lock_themselves_out() {
        long admin = jdbc.queryForObject("SELECT id FROM staff_account WHERE username = 'admin'", Long.class);
        String hash = jdbc.queryForObject("SELECT password_hash FROM staff_account WHERE id = ?", String.class, admin);

        assertThatThrownBy(() -> administration(() -> administration.resetPassword(admin)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.messageKeys()).containsExactly("staff.error.own-reset"));
        assertThat(jdbc.queryForObject("SELECT password_hash FROM staff_account WHERE id = ?", String.class, admin))
                .as("the password kept").isEqualTo(hash);
    }

    private <T> T administration(java.util.concurrent.Callable<T> work) {
        return SignedInAs.call(users, "admin", work);
    }

    private long pointId(String code) {
        return jdbc.queryForObject("SELECT id FROM staff_service_point WHERE code = ?", Long.class, code);
    }

    private HttpClient signedIn(String username) throws IOException, InterruptedException {
        return signedIn(username, PASSWORD);
    }

    private HttpClient signedIn(String username, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        client.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> signIn = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        return client;
    }

    private int home(HttpClient session) throws IOException, InterruptedException {
        return session.send(HttpRequest.newBuilder(uri("/")).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
