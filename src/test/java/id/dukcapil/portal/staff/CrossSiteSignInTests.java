package id.dukcapil.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.SignIn.Result;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, finding 15: login CSRF. A page on another site that posts the sign-in form would sign the clerk's
 * browser in to the attacker's account (whose work the clerk then does, audited under the attacker's name).
 */
@PortalTest
class CrossSiteSignInTests {

    private static final String PASSWORD = "Sandi-Kuat-2026";

    @Autowired StaffAccounts staffAccounts;
    @LocalServerPort int port;
    SignIn signIn;
    String username;

    @BeforeEach
    void a_staff_member_with_a_known_password() {
        signIn = new SignIn(port);
        username = staffAccounts.create(Set.of(Role.OPERATOR), PASSWORD);
    }

    @Test
    void a_sign_in_posted_from_another_site_is_refused() {
        assertThat(signIn.attempt(username, PASSWORD, Map.of("Sec-Fetch-Site", "cross-site"))).isEqualTo(Result.REFUSED);
        assertThat(signIn.attempt(username, PASSWORD, Map.of("Sec-Fetch-Site", "same-site"))).isEqualTo(Result.REFUSED);
        assertThat(signIn.attempt(username, PASSWORD, Map.of("Origin", "https://jahat.example"))).isEqualTo(Result.REFUSED);
        assertThat(signIn.attempt(username, PASSWORD, Map.of("Origin", "http://localhost:" + (port + 1))))
                .isEqualTo(Result.REFUSED);
        assertThat(signIn.attempt(username, PASSWORD, Map.of("Origin", "null"))).isEqualTo(Result.REFUSED);
    }

    @Test
    void the_portal_s_own_login_page_signs_in() {
        assertThat(signIn.attempt(username, PASSWORD, Map.of("Sec-Fetch-Site", "same-origin",
                "Origin", "http://localhost:" + port))).isEqualTo(Result.SIGNED_IN);
        assertThat(signIn.attempt(username, PASSWORD, Map.of("Origin", "http://localhost:" + port)))
                .isEqualTo(Result.SIGNED_IN);
    }
}
