package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * An address the visitor may not open, or that leads nowhere, says so in the visitor's language and offers one way on
 * (issue 54, item 11; decision 191), instead of Vaadin's "Could not navigate to …".
 */
class ErrorPagesViewTest extends PortalViewTest {

    @Test
    @WithUserDetails("operator")
    void an_operator_on_the_kepala_dinas_signing_screen_is_told_it_is_not_for_their_account_and_led_home() {
        NotAllowedPage page = navigate("signing", NotAllowedPage.class);

        assertThat(page.heading.getText()).isEqualTo("Halaman ini bukan untuk akun Anda");
        assertThat(page.text.getText()).contains("/signing").contains("administrator");
        assertThat(page.next.getHref()).isEqualTo("/");
        assertThat(page.next.getText()).isEqualTo("Ke beranda");
        assertThat(page.getPageTitle()).isEqualTo("Halaman ini bukan untuk akun Anda · Dukcapil Portal");

        test(find(LanguageSwitch.class).single()).selectItem("English");
        page = navigate("signing", NotAllowedPage.class);
        assertThat(page.heading.getText()).isEqualTo("This page is not for your account");
        assertThat(page.text.getText()).isEqualTo(
                "Your account may not open /signing. If your work needs it, ask the administrator for that role.");
        assertThat(page.next.getText()).isEqualTo("Go to your home page");
    }

    @Test
    @WithUserDetails("operator")
    void an_unknown_address_is_not_found_and_a_signed_in_clerk_is_led_home() {
        NotFoundPage page = navigate("tidak-ada", NotFoundPage.class);

        assertThat(page.heading.getText()).isEqualTo("Halaman tidak ditemukan");
        assertThat(page.text.getText()).contains("/tidak-ada");
        assertThat(page.next.getHref()).isEqualTo("/");
    }

    @Test
    void an_anonymous_visitor_of_an_unknown_address_is_led_to_the_sign_in_and_one_of_the_bds_web_to_its_start() {
        NotFoundPage page = navigate("tidak-ada", NotFoundPage.class);
        assertThat(page.next.getHref()).isEqualTo("login");
        assertThat(page.next.getText()).isEqualTo("Masuk sebagai petugas");

        page = navigate("bds/tidak-ada", NotFoundPage.class);
        assertThat(page.next.getHref()).isEqualTo("bds");
        assertThat(page.next.getText()).isEqualTo("Ke halaman awal BDS");
    }
}
