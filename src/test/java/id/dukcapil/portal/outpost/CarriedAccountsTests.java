package id.dukcapil.portal.outpost;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.schoolvisit.OutpostScenes;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.CarriedAccounts;
import id.dukcapil.portal.staff.CarriedAccounts.Carried;
import id.dukcapil.portal.staff.StaffAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 53 item 5: the team's accounts carried with the work sign in on the outpost with their own Dinas password,
 * and no more once the work went back; an account made on the outpost itself is never overwritten by a carried one.
 * A sign-in here is a real one: the outpost API's HTTP Basic, through the staff sign-in.
 */
@PortalTest
class CarriedAccountsTests {

    private static final String DINAS_PASSWORD = "Sandi-Dinas-2026";

    @Autowired CarriedAccounts carried;
    @Autowired StaffAccounts staffAccounts;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void a_carried_officer_signs_in_with_the_dinas_password_until_the_work_goes_back() throws Exception {
        String admin = staffAccounts.create(Set.of(Role.ADMIN), OutpostScenes.PASSWORD);
        String username = "pos.uji." + (System.nanoTime() % 1_000_000);
        Carried member = new Carried(username, "Petugas Pos Uji", passwordEncoder.encode(DINAS_PASSWORD));
        assertThat(member.toString()).doesNotContain(member.passwordHash());
        assertThat(signIn(username, DINAS_PASSWORD)).as("not here before the work").isEqualTo(401);

        List<String> adopted = SignedInAs.call(users, admin, () -> carried.adopt(List.of(member), "SchoolVisit:1"));
        assertThat(adopted).containsExactly(username);
        assertThat(signIn(username, DINAS_PASSWORD)).isEqualTo(200);
        assertThat(signIn(username, "Sandi-Lain-2026")).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT role FROM staff_account_role r JOIN staff_account a "
                + "ON a.id = r.account_id WHERE a.username = ?", String.class, username)).isEqualTo("FIELD_OFFICER");

        SignedInAs.run(users, admin, () -> carried.release(List.of(username), "SchoolVisit:2"));
        assertThat(signIn(username, DINAS_PASSWORD)).as("another work's release closes nothing").isEqualTo(200);
        SignedInAs.run(users, admin, () -> carried.release(List.of(username), "SchoolVisit:1"));
        assertThat(signIn(username, DINAS_PASSWORD)).as("the work went back").isEqualTo(401);

        List<String> again = SignedInAs.call(users, admin, () -> carried.adopt(List.of(member), "SchoolVisit:3"));
        assertThat(again).as("carried again with the next work").containsExactly(username);
        assertThat(signIn(username, DINAS_PASSWORD)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'staff.account.carried' "
                + "AND subject_id = ?", Integer.class, username)).isEqualTo(2);
    }

    @Test
    void an_account_made_here_is_not_the_carried_works_to_change() throws Exception {
        String admin = staffAccounts.create(Set.of(Role.ADMIN), OutpostScenes.PASSWORD);
        String local = staffAccounts.create(Set.of(Role.FIELD_OFFICER), OutpostScenes.PASSWORD);
        Carried stranger = new Carried(local, "Nama Lain", passwordEncoder.encode(DINAS_PASSWORD));

        assertThat(SignedInAs.call(users, admin, () -> carried.adopt(List.of(stranger), "SchoolVisit:9"))).isEmpty();
        SignedInAs.run(users, admin, () -> carried.release(List.of(local), "SchoolVisit:9"));
        assertThat(signIn(local, OutpostScenes.PASSWORD)).isEqualTo(200);
        assertThat(signIn(local, DINAS_PASSWORD)).isEqualTo(401);
    }

    /** The status of a signed-in call of the outpost API: 200 signed in, 401 not. */
    private int signIn(String username, String password) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/outposts/visits"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (username + ":" + password).getBytes(StandardCharsets.UTF_8))).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
