package id.dukcapil.portal.recording.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * SOP C's desks as an office lives them (issue 35): a recording desk reloaded in the middle of its work reopens on
 * the number it called; the registration desk offers a queue number only to whom the register does not know as
 * recorded.
 */
class RecordingDeskReloadViewTest extends PortalViewTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired StaffAccounts staffAccounts;
    @Autowired RegistrationDesk registration;

    @Test
    @WithUserDetails("perekaman")
    void a_desk_reloaded_after_a_call_reopens_on_the_called_number_and_can_record_it() {
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), "Sandi-Kuat-2026");
        String recorder = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), "Sandi-Kuat-2026");
        String nik = RecordingTestSupport.residentsToRecord(jdbc, LocalDate.now(ZoneId.of("Asia/Jakarta")), 1)
                .getFirst();
        Visit queued = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik));
        SignedInAs.run(users, recorder, () -> {
            RecordingDeskView desk = navigate(RecordingDeskView.class);
            desk.deskName.setValue("Meja 4");
            while (true) { // numbers of other tests at the Dinas may wait before it
                if (desk.called == null) { // else the desk reopened on a number it was serving
                    test(desk.callNext).click();
                }
                assertThat(desk.called).as("a number was called").isNotNull();
                if (desk.called.id() == queued.id()) {
                    break;
                }
                test(find(Button.class).id("recording-recorded")).click();
            }

            RecordingDeskView reloaded = reload(RecordingDeskView.class);
            assertThat(reloaded.called).as("the desk reopens on its call").isNotNull();
            assertThat(reloaded.called.id()).isEqualTo(queued.id());
            assertThat(reloaded.deskName.getValue()).isEqualTo("Meja 4");
            assertThat(reloaded.callNext.isEnabled()).as("no second number while one is served").isFalse();
            test(find(Button.class).id("recording-recorded")).click();
            assertThat(reloaded.called).isNull();
            assertThat(reloaded.callNext.isEnabled()).isTrue();
            assertThat(reloaded.toHand.getListDataView().getItems().map(Visit::id)).contains(queued.id());
        });
        assertThat(jdbc.queryForObject("SELECT state FROM recording_visit WHERE id = ?", String.class, queued.id()))
                .isEqualTo(VisitState.RECORDED.name());
    }

    @Test
    @WithUserDetails("registrasi")
    void a_resident_the_register_knows_as_recorded_gets_the_explanation_and_no_queue_number() {
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), "Sandi-Kuat-2026");
        String nik = RecordingTestSupport.residentsToRecord(jdbc, LocalDate.now(ZoneId.of("Asia/Jakarta")), 1)
                .getFirst();
        jdbc.update("UPDATE population_resident SET enrolment_status = 'BIOMETRICS_CAPTURED' WHERE nik = ?", nik);
        SignedInAs.run(users, registrar, () -> {
            RegistrationDeskView view = navigate(RegistrationDeskView.class);
            test(view.nik).setValue(nik);
            test(find(Button.class).id("recording-find")).click();
            test(find(Button.class).id("recording-received")).click();
            view.inPerson.setValue(true);
            view.documents.setValue(Set.copyOf(view.documents.getListDataView().getItems().toList()));
            test(find(Button.class).id("recording-documents-ok")).click();
            assertThat(find(com.vaadin.flow.component.html.Paragraph.class).id("recording-need").getText())
                    .contains("sudah terekam");
            assertThat(find(Button.class).all()).extracting(button -> button.getId().orElse(""))
                    .doesNotContain("recording-not-recorded");
            test(find(Button.class).id("recording-already-recorded")).click();
            assertThat(find(com.vaadin.flow.component.html.Paragraph.class).id("recording-explanation").getText())
                    .contains("tidak perlu rekam ulang").doesNotContain("BIOMETRICS_CAPTURED");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_visit WHERE nik = ? AND ticket IS NOT NULL",
                Integer.class, nik)).as("no queue number").isZero();
    }

    @Test
    @WithUserDetails("registrasi")
    void a_registration_desk_reloaded_in_the_middle_of_a_resident_reopens_on_their_check() {
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), "Sandi-Kuat-2026");
        String nik = RecordingTestSupport.residentsToRecord(jdbc, LocalDate.now(ZoneId.of("Asia/Jakarta")), 1)
                .getFirst();
        SignedInAs.run(users, registrar, () -> {
            RegistrationDeskView view = navigate(RegistrationDeskView.class);
            test(view.nik).setValue(nik);
            test(find(Button.class).id("recording-find")).click();
            test(find(Button.class).id("recording-received")).click();
            long visit = view.visit.id();

            RegistrationDeskView reloaded = reload(RegistrationDeskView.class);
            assertThat(reloaded.visit).as("the desk reopens on the resident").isNotNull();
            assertThat(reloaded.visit.id()).isEqualTo(visit);
            reloaded.inPerson.setValue(true);
            reloaded.documents.setValue(Set.copyOf(reloaded.documents.getListDataView().getItems().toList()));
            test(find(Button.class).id("recording-documents-ok")).click();
            test(find(Button.class).id("recording-not-recorded")).click();
            assertThat(find(com.vaadin.flow.component.html.Span.class).id("recording-ticket").getText())
                    .matches("\\d{3}");
        });
    }
}
