package id.dukcapil.portal.schoolvisit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.schoolvisit.VisitDesk;
import id.dukcapil.portal.schoolvisit.RosterImport;
import id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The field screen where issue 35 found dead ends: a student whose card was printed at the Dinas is told apart and
 * not offered a print, and a student recorded but never sent to the centre has the button that sends the recording.
 */
class FieldScreenDeadEndsViewTest extends PortalViewTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";

    @Autowired Schools schools;
    @Autowired RosterImport rosterImport;
    @Autowired VisitPlanner planner;
    @Autowired VisitDesk visitDesk;
    @Autowired BlankoStock blanko;
    @Autowired PopulationRegistry registry;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_field_screen_says_why_a_printed_student_is_not_printed_and_sends_a_recording_not_yet_sent() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        String printer = staffAccounts.create(Set.of(Role.PRINT_OPERATOR), PASSWORD);
        LocalDate day = LocalDate.now(OFFICE).plusDays(40 + Math.floorMod(System.nanoTime(), 150));
        String[] printed = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18), day.minusYears(17).minusDays(1),
                "PRINT_READY", 1).getFirst();
        String[] captured = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18), day.minusYears(17).minusDays(1),
                "BIOMETRICS_CAPTURED", 1).getFirst();
        SignedInAs.run(users, printer, () -> registry.recordCardPrint(Nik.of(printed[0]), "DINAS",
                CardPrintReason.FIRST));
        var arranged = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer, day,
                List.of(printed, captured), jdbc);
        clock.setInstant(day.atTime(7, 0).atZone(OFFICE).toInstant());
        SignedInAs.run(users, plannerName, () -> blanko.receive("DINAS", 2, "Kiriman uji layar lapangan"));
        SignedInAs.run(users, officer, () -> visitDesk.setOut(arranged.visit().id(), 1));

        SignedInAs.run(users, officer, () -> {
            FieldView field = navigate(FieldView.class);
            select(field, printed[0]);
            test(find(Button.class).id("field-begin")).click();
            assertThat(find(Paragraph.class).id("field-cards-printed").getText())
                    .as("said before the tap").contains(printed[1], "tidak dicetak lagi");
            test(find(Button.class).id("field-status-checked")).click();
            assertThat(find(Paragraph.class).id("field-ended").getText()).contains(printed[1], "tidak dicetak lagi");
            assertThat(find(Button.class).withId("field-print").exists()).isFalse();
            assertThat(field.rosterColumn.stateText(rowOf(field, printed[0])))
                    .isEqualTo("Selesai tanpa cetak · KTP-el sudah pernah dicetak");

            select(field, captured[0]);
            test(find(Button.class).id("field-begin")).click();
            test(find(Button.class).id("field-status-checked")).click();
            assertThat(field.studentPanel.getElement().getTextRecursively()).contains("belum dikirim ke database pusat");
            test(find(Button.class).id("field-send")).click();
            test(find(Button.class).id("field-print-ready")).click();
            test(find(Button.class).id("field-print")).click();
            assertThat(find(Paragraph.class).id("field-student-saved").getText()).contains(captured[1], "Tercetak");
        });
    }

    private void select(FieldView field, String nik) {
        List<Student> rows = field.roster.getListDataView().getItems().toList();
        test(field.roster).select(rows.indexOf(rowOf(field, nik)));
    }

    private static Student rowOf(FieldView field, String nik) {
        return field.roster.getListDataView().getItems().filter(student -> student.nik().equals(nik)).findFirst()
                .orElseThrow();
    }
}
