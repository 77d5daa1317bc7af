package id.dukcapil.portal.recording.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.recording.RecordingTestSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The registration desk's forms bound to their records' constraints (issue 55, item 4): a number of the wrong
 * length, a resident not ticked as in person, a fault too long to log are each said at their field, and the desk
 * does nothing with them.
 */
@WithUserDetails("registrasi")
class RegistrationDeskFormsViewTest extends PortalViewTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_number_of_the_wrong_length_is_said_at_the_field_and_nobody_is_looked_up() {
        RegistrationDeskView view = navigate(RegistrationDeskView.class);
        test(view.nik).setValue("320412");
        test(find(Button.class).id("recording-find")).click();

        assertThat(view.nik.isInvalid()).isTrue();
        assertThat(view.nik.getErrorMessage()).isEqualTo("NIK atau nomor KK terdiri atas 16 angka.");
        assertThat(view.nik.getValue()).as("what was typed stays").isEqualTo("320412");
        assertThat(view.applicant).isNull();
        assertThat(find(Button.class).withId("recording-received").exists()).isFalse();
    }

    @Test
    void a_resident_not_ticked_as_in_person_is_said_at_the_tick_and_the_visit_stays_at_the_check() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(561);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        String nik = RecordingTestSupport.residentsToRecord(jdbc, day, 1).getFirst();
        RegistrationDeskView view = navigate(RegistrationDeskView.class);
        test(view.nik).setValue(nik);
        test(find(Button.class).id("recording-find")).click();
        test(find(Button.class).id("recording-received")).click();
        view.documents.setValue(Set.copyOf(view.documents.getListDataView().getItems().toList()));

        test(find(Button.class).id("recording-documents-ok")).click();

        assertThat(view.inPerson.isInvalid()).isTrue();
        assertThat(view.inPerson.getErrorMessage())
                .isEqualTo("Perekaman hanya untuk penduduk yang datang sendiri, tidak dapat diwakilkan.");
        assertThat(view.documents.isInvalid()).isFalse();
        long visit = Objects.requireNonNull(view.visit).id();
        assertThat(jdbc.queryForObject("SELECT state FROM recording_visit WHERE id = ?", String.class, visit))
                .as("nothing was sent: the visit is still at the document check").isEqualTo("CHECKING");

        view.inPerson.setValue(true);
        test(find(Button.class).id("recording-documents-ok")).click();
        test(view.fault).setValue("x".repeat(201));
        test(find(Button.class).id("recording-not-recorded")).click();

        assertThat(view.fault.isInvalid()).isTrue();
        assertThat(view.fault.getErrorMessage()).isEqualTo("Tulis kendala teknis paling banyak 200 karakter.");
        assertThat(jdbc.queryForObject("SELECT ticket FROM recording_visit WHERE id = ?", String.class, visit))
                .as("no number given while the fault is too long to log").isNull();
    }
}
