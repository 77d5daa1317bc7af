package id.dukcapil.portal.recording.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.recording.RecordingDocuments;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.shared.barcode.CodeReader;
import com.google.zxing.BarcodeFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The two desks of SOP C at the demo UKL, as their operators use them: the registration operator finds the resident,
 * ticks the documents and gives a queue number; the recording operator calls it, records, prints the proof (whose
 * QR code a scanner reads and whose page says it is genuine) and hands it over; a failed recording comes back to
 * the registration desk and is queued again.
 */
class RecordingDesksViewTest extends PortalViewTest {


    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired RecordingDocuments papers;
    @Autowired PersonalDataViewBuffer buffer;

    @Test
    @WithUserDetails("registrasi")
    void a_number_that_is_no_resident_is_told_at_the_field_it_was_typed_in() {
        RegistrationDeskView registration = navigate(RegistrationDeskView.class);
        test(registration.nik).setValue("3204999999999999");
        test(find(Button.class).id("recording-find")).click();

        assertThat(registration.nik.isInvalid()).isTrue();
        assertThat(registration.nik.getErrorMessage()).isNotBlank().doesNotContain("recording.", "population.");
        assertThat(registration.nik.getValue()).as("what was typed stays, to be corrected").isEqualTo("3204999999999999");
    }

    @Test
    @WithUserDetails("perekaman")
    void a_desk_without_a_name_calls_nobody_and_says_so_at_the_name() {
        RecordingDeskView desk = navigate(RecordingDeskView.class);
        test(desk.deskName).setValue("");
        test(desk.callNext).click();
        assertThat(desk.deskName.isInvalid()).as("said at the field").isTrue();
        assertThat(desk.deskName.getErrorMessage()).isEqualTo("Isi nama meja (paling banyak 20 karakter).");
        assertThat(desk.called).as("no number called to a desk nobody can find").isNull();
    }

    @Test
    @WithUserDetails("registrasi")
    void the_registration_operator_gives_a_queue_number_then_the_recording_operator_records() throws Exception {
        String nik = RecordingTestSupport.residentsToRecord(jdbc, LocalDate.now(ZoneId.of("Asia/Jakarta")), 1)
                .getFirst();
        String kkNumber = jdbc.queryForObject("SELECT f.kk_number FROM population_family f JOIN population_resident r "
                + "ON r.family_id = f.id WHERE r.nik = ?", String.class, nik);
        RegistrationDeskView registration = navigate(RegistrationDeskView.class);
        test(registration.nik).setValue(kkNumber); // the KK's barcode scanned: the family to choose from
        test(find(Button.class).id("recording-find")).click();
        test(find(Button.class).id("member-" + nik)).click();
        assertThat(registration.nik.getValue()).isEqualTo(nik);
        test(find(Button.class).id("recording-received")).click();
        registration.inPerson.setValue(true);
        registration.documents.setValue(Set.copyOf(registration.documents.getListDataView().getItems().toList()));
        test(find(Button.class).id("recording-documents-ok")).click();
        test(find(Button.class).id("recording-not-recorded")).click();
        String ticket = find(com.vaadin.flow.component.html.Span.class).id("recording-ticket").getText();
        assertThat(ticket).matches("\\d{3}");
        assertThat(test(registration.register).size()).isPositive();
        navigate(id.dukcapil.portal.shared.ui.HomeView.class);
        assertThat(Integer.parseInt(find(com.vaadin.flow.component.html.Span.class).id("recording-visits").getText()))
                .as("the operator's home shows the day's work").isPositive();

        Visit recorded = SignedInAs.call(users, "perekaman", () -> {
            RecordingDeskView desk = navigate(RecordingDeskView.class);
            Visit called = null;
            while (called == null || !called.nik().equals(nik)) { // numbers of other tests may wait before it
                if (desk.called == null) { // else the desk reopened on a number it was serving
                    test(desk.callNext).click();
                }
                called = desk.called;
                if (called != null && !called.nik().equals(nik)) {
                    test(find(Button.class).id("recording-recorded")).click();
                }
            }
            test(find(Button.class).id("recording-recorded")).click();
            assertThat(lastNotification()).contains("terekam");
            java.util.List<Visit> toHand = desk.toHand.getListDataView().getItems().toList();
            int row = java.util.stream.IntStream.range(0, toHand.size())
                    .filter(i -> toHand.get(i).nik().equals(nik)).findFirst().orElseThrow();
            Visit done = toHand.get(row);
            GridInput.clickAction(desk.toHand, row, "handed-");
            assertThat(desk.toHand.getListDataView().getItems().map(Visit::id)).doesNotContain(done.id());
            return done;
        });
        buffer.flush();
        assertThat(seen("registrasi", "registrasi", "KK", kkNumber)).as("the family listed from the KK").isPositive();
        assertThat(seen("registrasi", "registrasi", "NIK", nik)).as("the resident at the registration desk").isPositive();
        assertThat(seen("perekaman", "perekaman", "NIK", nik)).as("the number called at the recording desk").isPositive();
        assertThat(recorded.state()).isEqualTo(VisitState.RECORDED);

        byte[] proof = papers.proof(recorded);
        String link = CodeReader.read(CodeReader.firstPage(proof), BarcodeFormat.QR_CODE);
        assertThat(link).endsWith("/bukti/" + recorded.proofToken());
        assertThat(papers.checked(recorded.proofToken())).hasValueSatisfying(checked ->
                assertThat(checked.number()).isEqualTo(recorded.proofNumber()));
        assertThat(papers.checked("AAAAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        String ticketCode = CodeReader.read(CodeReader.firstPage(papers.queueTicket(recorded)), BarcodeFormat.QR_CODE);
        assertThat(ticketCode).endsWith(":" + recorded.ticket());
    }

    /** How often the staff member saw the subject on the screen (decision 129). */
    private long seen(String staff, String screen, String type, String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE staff_id = ? AND screen = ? "
                + "AND subject_type = ? AND subject = ? AND kind = 'VIEW'", Long.class, staff, screen, type, subject);
    }
}
