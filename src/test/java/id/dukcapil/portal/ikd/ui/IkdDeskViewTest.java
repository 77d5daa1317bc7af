package id.dukcapil.portal.ikd.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Image;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.ikd.Activations;
import id.dukcapil.portal.ikd.ArchiveItem;
import id.dukcapil.portal.ikd.IkdApp;
import id.dukcapil.portal.ikd.Registration;
import id.dukcapil.portal.ikd.RegistrationState;
import id.dukcapil.portal.shared.Acting;
import id.dukcapil.portal.shared.Roles;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.context.support.WithUserDetails;

/** The IKD officer's desk at the MPP: the citizen who passed the face check, the QR code, the scan seen on the desk. */
@WithUserDetails("ikd")
class IkdDeskViewTest extends PortalViewTest {

    @Autowired Activations activations;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_officer_shows_the_qr_code_and_the_desk_shows_the_scan() {
        Registration registered = asGateway(() -> register(residentWithPrintedCard()));
        asGateway(() -> activations.faceChecked(registered.code(), true, new BigDecimal("0.91")));
        navigate(IkdDeskView.class); // away from the home the test UI opened with, so that it is built anew
        navigate(id.dukcapil.portal.shared.ui.HomeView.class);
        assertThat(Integer.parseInt(find(com.vaadin.flow.component.html.Span.class).id("ikd-face-passed").getText()))
                .as("the officer's home shows who waits for the QR code").isPositive();
        IkdDeskView view = navigate(IkdDeskView.class);
        int row = rowOf(view, registered.code());
        assertThat(test(view.grid).getRow(row).state()).isEqualTo(RegistrationState.FACE_PASSED);
        click(view, row, "qr-");
        assertThat(view.qrPanel.getChildren().filter(Image.class::isInstance)).hasSize(1);
        assertThat(view.shown).isNotNull();

        asGateway(() -> activations.scanned(registered.code(), view.shown.content()));
        view.refresh(); // the browser's next poll, within a second
        assertThat(test(view.grid).getRow(rowOf(view, registered.code())).state()).isEqualTo(RegistrationState.PIN_SENT);
        assertThat(view.qrPanel.getElement().getTextRecursively()).contains("sudah memindai QR Code");

        String pin = IkdApp.pinFromTheEmail(jdbc, registered.code());
        asGateway(() -> activations.activate(registered.code(), pin));
        view.refresh();
        assertThat(view.qrPanel.isVisible()).as("activated: the note of the scan has gone with its step").isFalse();
        click(view, rowOf(view, registered.code()), "archive-");
        ArchiveDialog archive = find(ArchiveDialog.class).single();
        assertThat(archive.archive.isEnabled()).as("not before every item is ticked").isFalse();
        archive.items.setValue(java.util.EnumSet.of(ArchiveItem.IDENTITY_MATCHES_CARD, ArchiveItem.ACTIVE_ON_PHONE));
        assertThat(archive.archive.isEnabled()).isFalse();
        assertThat(archive.items.isInvalid()).as("what is missing is said at the list").isTrue();
        assertThat(archive.items.getErrorMessage()).isEqualTo("Centang semua butir arsip terlebih dahulu.");
        archive.items.setValue(java.util.EnumSet.allOf(ArchiveItem.class));
        test(archive.archive).click();
        assertThat(lastNotification()).contains("diarsipkan");
        assertThat(view.grid.getListDataView().getItems().map(Registration::code)).as("archived: off the desk")
                .doesNotContain(registered.code());
        assertThat(view.qrPanel.getElement().getTextRecursively()).as("no stale text beside the list").isEmpty();
        assertThat(view.grid.getEmptyStateText()).as("an empty desk is not a day when nobody came")
                .isEqualTo("Tidak ada warga yang menunggu di tempat layanan ini.");
    }

    @Test
    void after_three_failed_faces_the_officer_asks_the_citizen_to_come_back_later() {
        Registration registered = asGateway(() -> register(residentWithPrintedCard()));
        for (int i = 0; i < Activations.MAX_FACE_ATTEMPTS; i++) {
            asGateway(() -> activations.faceChecked(registered.code(), false, new BigDecimal("0.2")));
        }
        IkdDeskView view = navigate(IkdDeskView.class);
        int row = rowOf(view, registered.code());
        assertThat(test(view.grid).getRow(row).state()).isEqualTo(RegistrationState.NEEDS_OFFICER);
        click(view, row, "retry-");
        assertThat(lastNotification()).contains("mencoba lagi di lain waktu");
    }

    @Test
    void a_citizen_who_left_with_the_qr_code_on_screen_is_closed_at_once_and_the_code_goes() {
        Registration registered = asGateway(() -> register(residentWithPrintedCard()));
        asGateway(() -> activations.faceChecked(registered.code(), true, new BigDecimal("0.91")));
        IkdDeskView view = navigate(IkdDeskView.class);
        click(view, rowOf(view, registered.code()), "qr-");
        assertThat(view.shown).isNotNull();

        assertThat(GridInput.showsAction(view.grid, rowOf(view, registered.code()), "left-"))
                .as("the row keeps its one action; the code's panel offers the close").isFalse();
        test(find(com.vaadin.flow.component.button.Button.class).id("ikd-qr-left")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        test(confirm).reject(); // the red choice; the focused one keeps the registration
        assertThat(lastNotification()).contains("warga pergi");
        assertThat(view.grid.getListDataView().getItems().map(Registration::code)).as("closed: off the desk")
                .doesNotContain(registered.code());
        assertThat(view.shown).as("no QR code for a citizen who left").isNull();
        assertThat(jdbc.queryForObject("SELECT state FROM ikd_registration WHERE code = ?", String.class,
                registered.code())).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM sla_step WHERE case_id = ? AND ended_at IS NULL""", Integer.class,
                registered.code())).as("no step left open").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'ikd.left' AND subject_id = ?",
                Integer.class, registered.code())).isEqualTo(1);
        navigate(id.dukcapil.portal.shared.ui.HomeView.class);
        assertThat(navigate(IkdDeskView.class).shown).as("a reload opens no QR code either").isNull();

        Registration failedOnce = asGateway(() -> register(residentWithPrintedCard()));
        asGateway(() -> activations.faceChecked(failedOnce.code(), false, new BigDecimal("0.2")));
        navigate(id.dukcapil.portal.shared.ui.HomeView.class);
        IkdDeskView again = navigate(IkdDeskView.class);
        assertThat(GridInput.showsAction(again.grid, rowOf(again, failedOnce.code()), "left-"))
                .as("a row with nothing else to do offers the close itself").isTrue();
    }

    @Test
    void the_officer_opens_the_days_report_and_submits_it() {
        IkdDeskView view = navigate(IkdDeskView.class);
        test(view.report).click();
        IkdReportDialog dialog = find(IkdReportDialog.class).single();
        dialog.day.clear();
        test(dialog.submit).click();
        assertThat(dialog.day.isInvalid()).as("no day: said at the date, nothing submitted").isTrue();
        assertThat(dialog.day.getErrorMessage()).isEqualTo("Wajib diisi");
        dialog.day.setValue(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).minusDays(1));
        assertThat(dialog.state.getText()).isEqualTo("Belum dikirim.");
        test(dialog.submit).click();
        assertThat(lastNotification()).contains("dikirim");
        assertThat(dialog.state.getText()).contains("Dikirim oleh Fitri Handayani", "menunggu tanda tangan");
    }

    private <T> T asGateway(Callable<T> call) {
        return Acting.as(UsernamePasswordAuthenticationToken.authenticated("ikd-gateway-test", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.IKD_GATEWAY))), call);
    }

    private void click(IkdDeskView view, int row, String idPrefix) {
        GridInput.clickAction(view.grid, row, idPrefix);
    }

    private int rowOf(IkdDeskView view, String code) {
        for (int row = 0; row < test(view.grid).size(); row++) {
            if (test(view.grid).getRow(row).code().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    /** A registration through the gateway, proven by the resident's own family card. */
    private Registration register(String nik) {
        String kk = jdbc.queryForObject("""
                SELECT f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE r.nik = ?""", String.class, nik);
        return activations.register(nik, kk, "desk.ikd@contoh.id", "081298765432", "MPP-SOREANG", "127.0.0.1");
    }

    private String residentWithPrintedCard() {
        return jdbc.queryForObject("""
                SELECT r.nik FROM population_resident r
                WHERE EXISTS (SELECT 1 FROM population_card_print c WHERE c.resident_id = r.id)
                AND NOT EXISTS (SELECT 1 FROM ikd_registration i WHERE i.nik = r.nik)
                ORDER BY r.id DESC LIMIT 1""", String.class);
    }
}
