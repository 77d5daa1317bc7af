package id.dukcapil.portal.staff.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccount;
import id.dukcapil.portal.staff.StaffAdministration;
import id.dukcapil.portal.staff.StaffForm;
import com.vaadin.flow.component.grid.GridSortOrder;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@WithUserDetails("admin")
class StaffAdminViewTest extends PortalViewTest {

    @Autowired StaffAdministration administration;
    @Autowired JdbcTemplate jdbc;

    /** Issue 54 item 8: the admin sorts the accounts by a column's header; the database sorts, page by page. */
    @Test
    void an_admin_sorts_the_accounts_by_username_and_by_state() {
        StaffAdminView view = navigate(StaffAdminView.class);
        var grid = test(view.grid);
        List<String> byName = usernames(grid);
        view.grid.sort(GridSortOrder.asc(view.grid.getColumns().getFirst()).build());
        List<String> ascending = usernames(grid);
        view.grid.sort(GridSortOrder.desc(view.grid.getColumns().getFirst()).build());
        List<String> descending = usernames(grid);
        assertThat(ascending).hasSizeGreaterThan(5).hasSameSizeAs(byName).isNotEqualTo(byName);
        assertThat(descending).isEqualTo(ascending.reversed());
        assertThat(view.grid.getColumns().get(2).isSortable()).as("roles are a list, not one value").isFalse();
        assertThat(view.grid.getColumns().get(4).isSortable()).isTrue();
    }

    private static List<String> usernames(com.vaadin.flow.component.grid.GridTester<?, StaffAccount> grid) {
        return IntStream.range(0, grid.size()).mapToObj(row -> grid.getRow(row).username()).toList();
    }

    @Test
    void an_admin_creates_an_account_and_sees_its_temporary_password_once() {
        StaffAdminView view = navigate(StaffAdminView.class);
        test(view.create).click();
        StaffEditor editor = find(StaffEditor.class).single();
        test(editor.username).setValue("nina.operator");
        test(editor.fullName).setValue("Nina Kurniasih");
        test(editor.servicePoint).selectItem("UKL Kecamatan Soreang");
        test(editor.roles).selectItem("Operator");
        test(editor.save).click();

        String temporaryPassword = find(Span.class).id("temporary-password").getText();
        assertThat(temporaryPassword).hasSize(12);
        StaffAccount created = administration.search("nina.operator", PageRequest.of(0, 1)).getContent().getFirst();
        assertThat(created.servicePoint().code()).isEqualTo("UKL-320437");
        assertThat(created.roles()).containsExactly(Role.OPERATOR);
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'staff.account.created' "
                + "AND subject_id = 'nina.operator' AND actor_id = 'admin'", Long.class)).isEqualTo(1);
    }

    @Test
    void two_addresses_in_the_email_field_are_refused_by_the_form_and_by_the_service() {
        StaffAdminView view = navigate(StaffAdminView.class);
        test(view.create).click();
        StaffEditor editor = find(StaffEditor.class).single();
        test(editor.username).setValue("empat.operator");
        test(editor.fullName).setValue("Empat Operator");
        test(editor.email).setValue("empat@bandungkab.go.id,lain@contoh.id");
        test(editor.servicePoint).selectItem("UKL Kecamatan Soreang");
        test(editor.roles).selectItem("Operator");
        test(editor.save).click();
        assertThat(administration.search("empat.operator", PageRequest.of(0, 1)).getContent()).isEmpty();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> administration.create(new StaffForm("lima.operator",
                        "Lima Operator", "lima@@bandungkab.go.id", null, servicePointId("DINAS"), Set.of(Role.OPERATOR), true)))
                .isInstanceOf(id.dukcapil.portal.shared.RuleViolation.class).hasMessage("shared.email.invalid");
        assertThat(administration.search("lima.operator", PageRequest.of(0, 1)).getContent()).isEmpty();
    }

    @Test
    void a_taken_username_is_refused_with_a_message() {
        StaffAdminView view = navigate(StaffAdminView.class);
        test(view.create).click();
        StaffEditor editor = find(StaffEditor.class).single();
        test(editor.username).setValue("operator");
        test(editor.fullName).setValue("Orang Lain");
        test(editor.servicePoint).selectItem("UKL Kecamatan Cileunyi");
        test(editor.roles).selectItem("Operator");
        test(editor.save).click();
        assertThat(lastNotification()).isEqualTo("Nama pengguna operator sudah dipakai.");
    }

    @Test
    void a_second_admin_saving_over_a_change_made_meanwhile_is_refused() {
        StaffAccount account = administration.create(new StaffForm("dua.admin", "Dua Admin", null, null,
                servicePointId("DINAS"), Set.of(Role.PLANNER), true)).account();
        StaffAdminView view = navigate(StaffAdminView.class);
        test(view.search).setValue("dua.admin");
        test(view.grid).clickRow(0);
        StaffEditor editor = find(StaffEditor.class).single();

        // Meanwhile another admin adds a role.
        administration.update(account.id(), account.version(), new StaffForm("dua.admin", "Dua Admin", null, null,
                servicePointId("DINAS"), Set.of(Role.PLANNER, Role.MANAGER), true));

        test(editor.fullName).setValue("Dua Admin Diubah");
        test(editor.save).click();
        assertThat(lastNotification()).contains("baru saja diubah oleh pengguna lain");
        assertThat(administration.find(account.id()).orElseThrow().fullName()).isEqualTo("Dua Admin");
    }

    @Test
    void resetting_and_deactivating_are_audited_and_a_reset_forces_a_new_password() {
        StaffAccount account = administration.create(new StaffForm("tiga.petugas", "Tiga Petugas", null, null,
                servicePointId("DINAS"), Set.of(Role.IKD_OFFICER), true)).account();
        StaffAdminView view = navigate(StaffAdminView.class);
        test(view.search).setValue("tiga.petugas");
        test(view.grid).clickRow(0);
        test(find(StaffEditor.class).single().resetPassword).click();
        assertThat(find(Span.class).id("temporary-password").getText()).hasSize(12);

        test(view.grid).clickRow(0);
        StaffEditor editor = find(StaffEditor.class).last();
        test(editor.active).click();
        test(editor.save).click();

        StaffAccount after = administration.find(account.id()).orElseThrow();
        assertThat(after.active()).isFalse();
        assertThat(after.mustChangePassword()).isTrue();
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE subject_id = 'tiga.petugas' ORDER BY seq",
                String.class)).containsExactly("staff.account.created", "staff.password.reset",
                "staff.account.deactivated");
    }

    @Test
    void an_existing_account_can_be_unlocked_from_its_editor() {
        StaffAdminView view = navigate(StaffAdminView.class);
        test(view.search).setValue("kadis");
        test(view.grid).clickRow(0);
        Button unlock = find(StaffEditor.class).single().unlock;
        assertThat(unlock.getText()).isEqualTo("Buka kunci");
        test(unlock).click();
        assertThat(lastNotification()).isEqualTo("Akun kadis dibuka kuncinya.");
    }

    private long servicePointId(String code) {
        return jdbc.queryForObject("SELECT id FROM staff_service_point WHERE code = ?", Long.class, code);
    }
}
