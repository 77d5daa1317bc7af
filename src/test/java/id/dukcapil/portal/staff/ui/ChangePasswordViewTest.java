package id.dukcapil.portal.staff.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.HomeView;
import id.dukcapil.portal.staff.StaffAccounts;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class ChangePasswordViewTest extends PortalViewTest {

    private static final String OLD = "Sandi-Lama-2026";
    private static final String NEW = "Sandi-Baru-2027";

    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    String username;

    @BeforeEach
    void signed_in_as_a_new_staff_member() {
        username = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), OLD);
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void a_user_changes_their_password() {
        ChangePasswordView view = navigate(ChangePasswordView.class);
        test(view.current).setValue(OLD);
        test(view.newPassword).setValue(NEW);
        test(view.repeat).setValue(NEW);
        test(view.save).click();
        assertThat(lastNotification()).isEqualTo("Kata sandi telah diganti.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'staff.password.changed' "
                + "AND subject_id = ? AND outcome = 'SUCCESS'", Long.class, username)).isEqualTo(1);
    }

    @Test
    void a_missing_current_password_is_said_at_its_field_and_nothing_is_changed() {
        ChangePasswordView view = navigate(ChangePasswordView.class);
        test(view.newPassword).setValue(NEW);
        test(view.repeat).setValue(NEW);
        test(view.save).click();
        assertThat(view.current.isInvalid()).isTrue();
        assertThat(view.current.getErrorMessage()).isEqualTo("Wajib diisi");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'staff.password.changed' "
                + "AND subject_id = ?", Long.class, username)).as("the service was not asked").isZero();
    }

    @Test
    void a_wrong_current_password_is_refused_and_audited() {
        ChangePasswordView view = navigate(ChangePasswordView.class);
        test(view.current).setValue("bukan-sandinya");
        test(view.newPassword).setValue(NEW);
        test(view.repeat).setValue(NEW);
        test(view.save).click();
        assertThat(view.current.isInvalid()).isTrue();
        assertThat(view.current.getErrorMessage()).isEqualTo("Kata sandi saat ini salah.");
        assertThat(jdbc.queryForObject("SELECT outcome FROM audit_entry WHERE action = 'staff.password.changed' "
                + "AND subject_id = ?", String.class, username)).isEqualTo("REFUSED");
    }

    @Test
    void a_weak_password_is_refused_with_every_broken_rule() {
        ChangePasswordView view = navigate(ChangePasswordView.class);
        test(view.current).setValue(OLD);
        test(view.newPassword).setValue("pendek");
        test(view.repeat).setValue("pendek");
        test(view.save).click();
        assertThat(view.newPassword.getErrorMessage())
                .contains("minimal 10 karakter", "harus memuat angka", "huruf besar dan huruf kecil");
    }

    @Test
    void two_different_new_passwords_are_refused() {
        ChangePasswordView view = navigate(ChangePasswordView.class);
        test(view.current).setValue(OLD);
        test(view.newPassword).setValue(NEW);
        test(view.repeat).setValue(NEW + "x");
        test(view.save).click();
        assertThat(view.repeat.getErrorMessage()).isEqualTo("Kedua kata sandi baru tidak sama.");
    }

    @Test
    void after_an_admin_reset_the_user_can_open_nothing_but_the_password_view() {
        jdbc.update("UPDATE staff_account SET must_change_password = TRUE WHERE username = ?", username);
        navigate("", ChangePasswordView.class);
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);
        assertThat(find(Paragraph.class).id("must-change").getText()).contains("diatur ulang oleh administrator");

        ChangePasswordView view = (ChangePasswordView) getCurrentView();
        test(view.current).setValue(OLD);
        test(view.newPassword).setValue(NEW);
        test(view.repeat).setValue(NEW);
        test(view.save).click();
        assertThat(navigate(HomeView.class)).isInstanceOf(HomeView.class);
    }
}
