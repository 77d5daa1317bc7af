package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccount;
import id.dukcapil.portal.staff.StaffAccounts;
import id.dukcapil.portal.staff.StaffAdministration;
import id.dukcapil.portal.staff.StaffForm;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 52 item 6 on a screen that only receives: the operator's inbox is kept current by push, so a clerk who does
 * nothing would go on seeing the office's requests after the account was deactivated. The node's sweep sends the
 * screen to the sign-in page within seconds, without a click.
 */
@PortalTest
class StaffSessionEndBrowserTest {

    @LocalServerPort int port;
    @Autowired StaffAccounts staffAccounts;
    @Autowired StaffAdministration administration;
    @Autowired UserDetailsService users;

    @Test
    void a_live_screen_whose_account_is_deactivated_goes_to_the_sign_in_page_by_itself() {
        String username = staffAccounts.create(Set.of(Role.OPERATOR), "Sesi#Layar2026");
        try (Browser clerk = new Browser(port, 1440, 900)) {
            clerk.signIn(username, "Sesi#Layar2026");
            clerk.awaitLeft("login");
            clerk.open("kk/operator");
            clerk.awaitVaadinIdle();
            assertThat(clerk.driver.getCurrentUrl()).contains("/kk/operator");

            SignedInAs.run(users, "admin", () -> {
                StaffAccount account = administration.search(username, PageRequest.of(0, 1)).getContent().getFirst();
                StaffForm form = StaffForm.of(account);
                administration.update(account.id(), account.version(), new StaffForm(form.username(),
                        form.fullName(), form.email(), form.nip(), form.servicePointId(), form.roles(), false));
            });
            long deactivated = System.nanoTime();

            new WebDriverWait(clerk.driver, Duration.ofSeconds(10))
                    .until(browser -> browser.getCurrentUrl().contains("/login"));
            double seconds = (System.nanoTime() - deactivated) / 1e9;
            System.out.printf("SESSION END: the live screen at the sign-in page %.1f s after the deactivation%n",
                    seconds);
            assertThat(seconds).isLessThan(6.0);
            clerk.await(By.cssSelector("vaadin-login-form"));
        }
    }
}
