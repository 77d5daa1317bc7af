package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

/** The shell around every view: navigation by role, who is signed in, language, sign-out. */
class ShellTest extends PortalViewTest {

    @Test
    @WithUserDetails("admin")
    void an_admin_sees_their_name_role_service_point_and_the_admin_views() {
        navigate(HomeView.class);
        assertThat(find(H2.class).all().getFirst().getText()).isEqualTo("Selamat datang, Rina Marlina");
        assertThat(find(Span.class).withClassName("user-roles").single().getText()).isEqualTo("Administrator");
        assertThat(find(Span.class).withClassName("user-service-point").single().getText())
                .isEqualTo("Disdukcapil Kabupaten Bandung");
        assertThat(menu()).contains("Beranda", "Log Aktivitas", "Akun Petugas", "Ganti Kata Sandi");
    }

    @Test
    @WithUserDetails("verifikator")
    void a_verifier_is_not_offered_the_admin_views() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Beranda", "Ganti Kata Sandi").doesNotContain("Akun Petugas", "Log Aktivitas");
    }

    @Test
    @WithUserDetails("manajer")
    void a_manager_sees_the_activity_log_on_the_home_view() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Log Aktivitas").doesNotContain("Akun Petugas");
        assertThat(find(H3.class).withText("Log aktivitas").exists()).isTrue();
    }

    @Test
    @WithUserDetails("operator")
    void the_portal_speaks_indonesian_first_and_english_on_request() {
        // The test JVM runs in English (surefire's argLine): Indonesian here is the portal's own default.
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("id");
        navigate(HomeView.class);
        assertThat(find(Button.class).id("sign-out").getText()).isEqualTo("Keluar");

        test(find(LanguageSwitch.class).single()).selectItem("English");
        assertThat(UI.getCurrent().getLocale()).isEqualTo(PortalMessages.ENGLISH);

        navigate(HomeView.class);
        assertThat(find(Button.class).id("sign-out").getText()).isEqualTo("Sign out");
        assertThat(find(H2.class).all().getFirst().getText()).isEqualTo("Welcome, Budi Santoso");
        assertThat(menu()).contains("Home", "Change password");
    }

    @Test
    @WithUserDetails("operator")
    void signing_out_ends_the_session() {
        navigate(HomeView.class);
        // Signing out invalidates the HTTP session, which the browserless mock then refuses to touch again.
        assertThatThrownBy(() -> test(find(Button.class).id("sign-out")).click())
                .hasMessageContaining("invalidated");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    private List<String> menu() {
        // Each label is a span of its own (it may wrap), the item's text.
        return find(SideNav.class).single().getItems().stream().map(item -> item.getElement().getTextRecursively())
                .toList();
    }
}
