package id.dukcapil.portal.recording.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClockLog;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The registration desk around a registration it has not finished (issue 54, desks item 6): another number asks what
 * to do with the open one, a number that finds nobody takes the last resident's actions away, and a reloaded desk
 * leaves the NIK field empty for the next scan.
 */
@WithUserDetails("registrasi")
class RegistrationDeskUnfinishedViewTest extends PortalViewTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void another_number_while_a_registration_is_open_asks_first_and_closing_it_records_it_unfinished() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(587);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        List<String> niks = RecordingTestSupport.residentsToRecord(jdbc, day, 2);
        RegistrationDeskView view = navigate(RegistrationDeskView.class);
        lookUp(view, niks.get(0));
        test(find(Button.class).id("recording-received")).click();
        Visit first = view.visit;

        lookUp(view, "320412");
        assertThat(view.visit).as("a number of the wrong length leaves the visit under way as it is").isEqualTo(first);
        assertThat(find(Button.class).withId("recording-documents-ok").exists()).isTrue();

        lookUp(view, niks.get(1));
        ConfirmDialog ask = find(ConfirmDialog.class).single();
        assertThat(ask.getElement().getProperty("header")).contains(first.fullName(), "belum selesai");
        assertThat(ask.getElement().getProperty("confirmText")).as("the safe choice, focused")
                .isEqualTo("Lanjutkan " + first.fullName());
        test(ask).reject(); // the red choice: close it and serve the new number
        assertThat(lastNotification()).contains(first.fullName(), "tercatat tidak selesai");
        assertThat(jdbc.queryForMap("SELECT state, closed_from FROM recording_visit WHERE id = ?", first.id()))
                .isEqualTo(Map.of("state", "CLOSED", "closed_from", "CHECKING"));
        assertThat(new StepClockLog(jdbc, "C-" + first.id()).entries(SopStep.C2_REGISTRATION_CHECK).getFirst()
                .abandonedReason()).as("its check did not happen").contains("left unfinished");
        assertThat(view.applicant.resident().nik().value()).as("the new number served").isEqualTo(niks.get(1));

        lookUp(view, "3204999999999999"); // nobody: the resident not begun is no longer on screen
        assertThat(view.applicant).isNull();
        assertThat(find(Button.class).withId("recording-received").exists()).isFalse();

        lookUp(view, niks.get(1));
        test(find(Button.class).id("recording-received")).click();
        RegistrationDeskView reloaded = reload(RegistrationDeskView.class);
        assertThat(reloaded.visit.nik()).as("the desk reopens on the resident in hand").isEqualTo(niks.get(1));
        assertThat(reloaded.nik.getValue()).as("the field empty for the next scan").isEmpty();
    }

    private void lookUp(RegistrationDeskView view, String number) {
        test(view.nik).setValue(number);
        test(find(Button.class).id("recording-find")).click();
    }
}
