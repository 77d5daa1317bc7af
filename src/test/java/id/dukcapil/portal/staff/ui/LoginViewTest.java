package id.dukcapil.portal.staff.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import id.dukcapil.portal.PortalViewTest;
import org.junit.jupiter.api.Test;

/** The sign-in page, as someone not signed in sees it. The sign-in itself is tested over HTTP (LockoutTests). */
class LoginViewTest extends PortalViewTest {

    @Test
    void the_sign_in_form_speaks_indonesian() {
        navigate(LoginView.class);
        LoginForm form = find(LoginForm.class).single();
        assertThat(shownTexts(form)).contains("Masuk Petugas", "Nama pengguna", "Kata sandi");
        assertThat(form.isError()).isFalse();
    }

    @Test
    void a_failed_sign_in_says_the_username_or_password_is_wrong() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(shownTexts(form)).contains("Nama pengguna atau kata sandi salah");
    }

    @Test
    void too_many_failures_are_told_to_wait_and_for_how_long() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", "locked"));
        LoginForm form = find(LoginForm.class).single();
        assertThat(shownTexts(form)).contains("Terlalu banyak percobaan yang gagal", "Coba lagi setelah 15 menit");
    }

    /** The texts the browser receives: the form's i18n property. */
    private static String shownTexts(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
