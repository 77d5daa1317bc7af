package id.dukcapil.portal.kkprint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.kkprint.ApiClient;
import id.dukcapil.portal.kkprint.ApiClientForm;
import id.dukcapil.portal.kkprint.ApiClients;
import id.dukcapil.portal.kkprint.internal.ApiClientRepository;
import id.dukcapil.portal.shared.Sha256;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** ADMIN registers a kiosk: its key is shown once, stored only hashed, and stops working when revoked. */
@WithUserDetails("admin")
class ApiClientsViewTest extends PortalViewTest {

    @Autowired ApiClientRepository clients;
    @Autowired ApiClients issued;
    @Autowired JdbcTemplate jdbc;

    @Test
    void an_admin_registers_a_kiosk_sees_its_key_once_and_revokes_it() {
        ApiClientsView view = navigate(ApiClientsView.class);
        test(view.kind).selectItem("Mesin ADM");
        test(view.name).setValue("ADM Cileunyi");
        test(view.location).setValue("Kantor Kecamatan Cileunyi");
        test(view.issue).click();

        Dialog shown = find(Dialog.class).last();
        List<String> texts = find(Paragraph.class).from(shown).all().stream().map(Paragraph::getText).toList();
        String key = texts.getLast();
        assertThat(key).startsWith("adm_").hasSizeGreaterThan(40);
        ApiClient kiosk = clients.authenticate(key).orElseThrow();
        assertThat(kiosk.name()).isEqualTo("ADM Cileunyi");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_api_client WHERE key_hash = ?", Integer.class,
                Sha256.hex(key))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_api_client WHERE key_hash = ?", Integer.class,
                key)).isZero();

        shown.close();
        assertThat(test(view.grid).getRow(0).id()).as("newest first").isEqualTo(kiosk.id());
        GridInput.clickAction(view.grid, 0, "revoke-");
        assertThat(clients.authenticate(key)).isEmpty();
        assertThat(GridInput.showsAction(view.grid, 0, "revoke-")).as("revoked: said, not offered again").isFalse();

        view.grid.sort(com.vaadin.flow.component.grid.GridSortOrder.asc(view.grid.getColumns().get(1)).build());
        List<String> names = java.util.stream.IntStream.range(0, test(view.grid).size())
                .mapToObj(row -> test(view.grid).getRow(row).name()).toList();
        assertThat(names).as("by name, in the database").hasSizeGreaterThan(1).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void a_key_without_a_name_is_told_at_the_name_and_not_issued() {
        ApiClientsView view = navigate(ApiClientsView.class);
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_api_client", Integer.class);
        test(view.location).setValue("Kantor Kecamatan Banjaran");
        test(view.issue).click();

        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("Wajib diisi");
        assertThat(view.location.getValue()).as("what was typed stays").isEqualTo("Kantor Kecamatan Banjaran");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_api_client", Integer.class)).isEqualTo(before);
    }

    @Test
    void a_key_revoked_twice_is_refused_the_second_time() {
        ApiClient kiosk = issued.issue(new ApiClientForm(ApiClient.Kind.KIOSK, "ADM Margahayu", null)).client();
        issued.revoke(kiosk.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> issued.revoke(kiosk.id()))
                .isInstanceOf(id.dukcapil.portal.shared.RuleViolation.class)
                .hasMessageContaining("kkprint.client.already-revoked");
    }
}
