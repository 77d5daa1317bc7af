package id.dukcapil.portal.kkprint.ui;

import id.dukcapil.portal.shared.ui.ReasonDialog;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.kkprint.InboxRow;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.kkprint.RequestState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The operator's inbox as the operator uses it: take the request, see who holds it, forward it or return it. */
@WithUserDetails("operator")
class OperatorInboxViewTest extends PortalViewTest {

    @Autowired KkPrintTestSupport kk;
    @Autowired TestClock clock;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired JdbcTemplate jdbc;
    @Autowired id.dukcapil.portal.kkprint.KkDelivery delivery;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_operator_takes_a_request_sees_it_held_and_forwards_it_to_the_verifier() {
        String tracking = kk.submitted();
        OperatorInboxView view = navigate(OperatorInboxView.class);
        int row = rowOf(view, tracking).orElseThrow();
        assertThat(cell(view, row, "holder")).isEqualTo("Belum diambil");
        assertThat(cell(view, row, "clock")).as("step 6 starts when an operator takes it").isEqualTo("Menunggu diambil 0 mnt");

        click(view, row, "claim-");
        assertThat(lastNotification()).isEqualTo("Permohonan diambil.");
        row = rowOf(view, tracking).orElseThrow();
        assertThat(cell(view, row, "holder")).isEqualTo("Dipegang Budi Santoso");
        assertThat(cell(view, row, "clock")).isEqualTo("0 mnt / 5 mnt");
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.IN_CHECK);

        click(view, row, "forward-");
        assertThat(lastNotification()).isEqualTo("Diteruskan ke verifikator.");
        assertThat(rowOf(view, tracking)).isEmpty();
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.FORWARDED);
    }

    @Test
    void the_operator_returns_a_request_to_the_citizen_with_a_reason() {
        String tracking = kk.submitted();
        OperatorInboxView view = navigate(OperatorInboxView.class);
        click(view, rowOf(view, tracking).orElseThrow(), "claim-");

        click(view, rowOf(view, tracking).orElseThrow(), "return-");
        ReasonDialog dialog = find(ReasonDialog.class).single();
        test(dialog.reason).setValue("Fotokopi akta kelahiran belum dilampirkan.");
        test(dialog.confirm).click();

        assertThat(lastNotification()).isEqualTo("Dikembalikan ke pemohon; e-mail dikirim.");
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.RETURNED_TO_CITIZEN);
        assertThat(rowOf(view, tracking)).isEmpty();
    }

    @Test
    void the_operator_checks_a_request_against_the_family_and_each_members_relationship() {
        String head = (String) kk.freshHead().get("full_name");
        String tracking = kk.submitted();
        OperatorInboxView view = navigate(OperatorInboxView.class);
        test(view.tracking).setValue(tracking);
        view.openTracking();

        RequestDialog dialog = find(RequestDialog.class).single();
        var family = test(dialog.family);
        assertThat(family.size()).as("number, address and at least the head").isGreaterThanOrEqualTo(3);
        assertThat(java.util.stream.IntStream.range(0, family.size())
                .mapToObj(row -> family.getCellText(row, 0) + " | " + family.getCellText(row, 1)))
                .anySatisfy(line -> assertThat(line).startsWith(head + " | Kepala keluarga"));
    }

    @Test
    void the_request_says_where_its_news_and_its_pin_go() {
        String byEmail = kk.submitted();
        String byWhatsApp = kk.submitted("0858 1234 5678", "WHATSAPP");
        String email = jdbc.queryForObject("SELECT requester_email FROM kkprint_request WHERE tracking_number = ?",
                String.class, byWhatsApp);
        OperatorInboxView view = navigate(OperatorInboxView.class);

        assertThat(contactLine(view, byEmail)).startsWith("Kabar permohonan ke e-mail ");
        assertThat(contactLine(view, byWhatsApp)).isEqualTo("Kabar permohonan lewat WhatsApp ke +6285812345678; "
                + "QR Code dan PIN hanya ke e-mail " + email);
    }

    @Test
    void a_request_number_that_cannot_be_one_is_said_at_the_field_and_opens_nothing() {
        OperatorInboxView view = navigate(OperatorInboxView.class);
        test(view.tracking).setValue("KK12");
        view.openTracking();

        assertThat(view.tracking.isInvalid()).as("told at the field").isTrue();
        assertThat(view.tracking.getErrorMessage()).startsWith("Nomor permohonan terdiri atas KK");
        assertThat(view.tracking.getValue()).as("what was typed is kept").isEqualTo("KK12");
        assertThat(find(RequestDialog.class).all().stream().filter(RequestDialog::isOpened)).isEmpty();

        test(view.tracking).setValue("KK261127ZZZZZZ");
        view.openTracking();
        assertThat(view.tracking.getErrorMessage()).as("nobody's number, at the field too")
                .isEqualTo("Permohonan tidak ditemukan.");
    }

    @Test
    void a_revocation_without_a_reason_is_refused_at_the_field_and_one_changed_meanwhile_is_said_with_the_form_kept() {
        String tracking = kk.delivered();
        OperatorInboxView view = navigate(OperatorInboxView.class);
        test(view.tracking).setValue(tracking);
        view.openTracking();
        RequestDialog dialog = find(RequestDialog.class).all().stream().filter(RequestDialog::isOpened)
                .findFirst().orElseThrow();

        test(dialog.revoke).click();
        assertThat(dialog.revokeReason.isInvalid()).as("told at the field").isTrue();
        assertThat(dialog.revokeReason.getErrorMessage()).isEqualTo("Isi alasan.");
        assertThat(kk.stateOf(tracking)).as("nothing revoked").isEqualTo(RequestState.DELIVERED);

        // Meanwhile a verifier revokes it from another desk.
        kk.asStaff("verifikator", () -> {
            delivery.revoke(kk.idOf(tracking), "Diterbitkan keliru.");
            return null;
        });
        test(dialog.revokeReason).setValue("Pengaduan warga.");
        test(dialog.revoke).click();

        assertThat(lastNotification()).contains(tracking);
        assertThat(dialog.isOpened()).as("the form is kept").isTrue();
        assertThat(dialog.revokeReason.getValue()).isEqualTo("Pengaduan warga.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_history h JOIN kkprint_request r ON r.id = h.request_id "
                + "WHERE r.tracking_number = ? AND h.to_state = 'REVOKED'", Integer.class, tracking)).isEqualTo(1);
    }

    private String contactLine(OperatorInboxView view, String tracking) {
        closeDialogs();
        test(view.tracking).setValue(tracking);
        view.openTracking();
        RequestDialog dialog = find(RequestDialog.class).all().stream().filter(RequestDialog::isOpened)
                .findFirst().orElseThrow();
        return dialog.getChildren().filter(Paragraph.class::isInstance).map(paragraph -> ((Paragraph) paragraph)
                .getText()).filter(text -> text.startsWith("Kabar")).findFirst().orElse("");
    }

    @Test
    void the_request_opened_is_kept_as_seen_by_the_operator_with_its_family() {
        var fresh = kk.freshHead();
        String tracking = kk.submitted();
        String kkNumber = (String) fresh.get("kk_number");
        String member = jdbc.queryForObject("SELECT r.nik FROM population_resident r JOIN population_family f "
                + "ON f.id = r.family_id WHERE f.kk_number = ? ORDER BY r.id DESC LIMIT 1", String.class, kkNumber);
        OperatorInboxView view = navigate(OperatorInboxView.class);
        test(view.tracking).setValue(tracking);
        view.openTracking();
        buffer.flush();

        for (String[] subject : new String[][] {{"NIK", (String) fresh.get("nik")}, {"KK", kkNumber}, {"NIK", member}}) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE staff_id = 'operator' "
                    + "AND screen = 'kk/operator' AND subject_type = ? AND subject = ?", Long.class, (Object[]) subject))
                    .as(subject[0] + " " + subject[1]).isPositive();
        }
    }

    @Test
    void a_request_opens_with_one_click_once_with_a_double_click_and_with_enter_on_its_row() {
        String tracking = kk.submitted();
        OperatorInboxView view = navigate(OperatorInboxView.class);
        InboxRow row = test(view.grid).getRow(rowOf(view, tracking).orElseThrow());

        test(view.grid).clickRow(rowOf(view, tracking).orElseThrow());
        assertThat(openDialogs()).as("one click opens it").containsExactly(tracking);
        closeDialogs();

        GridInput.doubleClick(view.grid, row);
        assertThat(openDialogs()).as("a double click opens it once, not three times").containsExactly(tracking);
        closeDialogs();

        GridInput.enterOn(view.grid, row);
        assertThat(openDialogs()).as("Enter on the focused row opens it").containsExactly(tracking);
        closeDialogs();
    }

    /**
     * The request's window has the row's own actions (issue 54, item 10: it had only "Tutup"): the operator takes the
     * request there and forwards it from the window that reopens on it; its history names the IKD app in words.
     */
    @Test
    void the_operator_takes_and_forwards_a_request_from_its_window() {
        String tracking = kk.submitted();
        OperatorInboxView view = navigate(OperatorInboxView.class);
        test(view.grid).clickRow(rowOf(view, tracking).orElseThrow());
        RequestDialog window = find(RequestDialog.class).all().stream().filter(RequestDialog::isOpened).findFirst()
                .orElseThrow();
        assertThat(test(window.history).getCellText(0, 1)).as("the IKD app in words, not its id")
                .isEqualTo("Aplikasi IKD (gateway)");
        test(find(com.vaadin.flow.component.button.Button.class).id("dialog-claim")).click();
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.IN_CHECK);
        assertThat(openDialogs()).as("the window reopened on the request held").containsExactly(tracking);

        test(find(com.vaadin.flow.component.button.Button.class).id("dialog-forward")).click();
        assertThat(lastNotification()).isEqualTo("Diteruskan ke verifikator.");
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.FORWARDED);
        assertThat(openDialogs()).isEmpty();
    }

    private java.util.List<String> openDialogs() {
        return find(RequestDialog.class).all().stream().filter(RequestDialog::isOpened)
                .map(dialog -> dialog.getHeaderTitle().split(" · ")[0]).toList();
    }

    private void closeDialogs() {
        find(RequestDialog.class).all().forEach(RequestDialog::close);
    }

    @Test
    void overdue_requests_can_be_filtered_and_stand_out() {
        String tracking = kk.submitted();
        OperatorInboxView view = navigate(OperatorInboxView.class);
        test(view.overdueOnly).click();
        assertThat(rowOf(view, tracking)).isEmpty();

        clock.setInstant(clock.instant());
        clock.advance(Duration.ofMinutes(7));
        view.refresh();
        assertThat(rowOf(view, tracking)).as("waiting to be taken is not step 6 over its standard").isEmpty();
        test(view.overdueOnly).click();
        int waiting = rowOf(view, tracking).orElseThrow();
        assertThat(cell(view, waiting, "clock")).isEqualTo("Menunggu diambil 7 mnt");
        assertThat(view.grid.getPartNameGenerator().apply(test(view.grid).getRow(waiting))).isNull();

        kk.claimed(tracking);
        clock.advance(Duration.ofMinutes(7));
        test(view.overdueOnly).click();
        int row = rowOf(view, tracking).orElseThrow();
        assertThat(cell(view, row, "clock")).isEqualTo("7 mnt / 5 mnt");
        assertThat(view.grid.getPartNameGenerator().apply(test(view.grid).getRow(row))).isEqualTo("overdue");
    }

    /** A cell by its column's key: the columns' order is the view's to change (issue 54 moved the clock). */
    private String cell(OperatorInboxView view, int row, String key) {
        return test(view.grid).getCellText(row, view.grid.getColumns().indexOf(view.grid.getColumnByKey(key)));
    }

    private void click(OperatorInboxView view, int row, String idPrefix) {
        GridInput.clickAction(view.grid, row, idPrefix);
    }

    private Optional<Integer> rowOf(OperatorInboxView view, String tracking) {
        int size = test(view.grid).size();
        for (int row = 0; row < size; row++) {
            InboxRow item = test(view.grid).getRow(row);
            if (item.trackingNumber().equals(tracking)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }
}
