package id.dukcapil.portal.schoolvisit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.schoolvisit.FieldDesk;
import id.dukcapil.portal.schoolvisit.VisitDesk;
import id.dukcapil.portal.schoolvisit.Handover;
import id.dukcapil.portal.schoolvisit.Handovers;
import id.dukcapil.portal.schoolvisit.OpenHandover;
import id.dukcapil.portal.schoolvisit.RosterImport;
import id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.schoolvisit.StudentState;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.BatchRun;
import id.dukcapil.portal.signing.BatchSigning;
import id.dukcapil.portal.signing.SigningTestSupport;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP D step 8 across a day: the record is made, the operator leaves the page while the Kepala Dinas signs, and the
 * record is found again — on the operator's home and on the print screen — to record the school's receipt. Step 8's
 * clock runs from the signature to the receipt; the signing is timed apart.
 */
class HandoverReopenViewTest extends PortalViewTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";

    @Autowired Schools schools;
    @Autowired RosterImport rosterImport;
    @Autowired VisitPlanner planner;
    @Autowired FieldDesk field;
    @Autowired VisitDesk visitDesk;
    @Autowired Handovers handovers;
    @Autowired BatchSigning batches;
    @Autowired BlankoStock blanko;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_handover_record_left_for_the_kepala_dinas_to_sign_is_reopened_later_and_its_receipt_recorded() throws Exception {
        PrintedAtSchool scene = printedAtSchool(true);
        String printer = scene.printer();
        LocalDate day = scene.day();
        var arranged = scene.arranged();

        // The record is made; the Kepala Dinas signs it three hours later, after the operator has left the page.
        clock.setInstant(day.atTime(13, 0).atZone(OFFICE).toInstant());
        Handover made = SignedInAs.call(users, printer, () -> handovers.prepare(arranged.school().id()));
        assertThat(SignedInAs.call(users, printer, () -> handovers.open()))
                .filteredOn(record -> record.id() == made.id()).singleElement()
                .satisfies(record -> assertThat(record.signed()).isFalse());
        assertThatThrownBy(() -> SignedInAs.call(users, printer, () -> handovers.received(made.id(), "Bu Guru")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.error.handover-not-signed");
        clock.advance(Duration.ofHours(3));
        BatchRun run = SignedInAs.call(users, "kadis", () -> batches.start(List.of(made.documentId()),
                SigningTestSupport.PASSPHRASE.toCharArray()));
        run.completion().get(60, TimeUnit.SECONDS);
        SchoolVisitTestSupport.awaitSigned(jdbc, made.id());
        clock.advance(Duration.ofMinutes(25));

        SignedInAs.run(users, printer, () -> {
            navigate(id.dukcapil.portal.shared.ui.HomeView.class);
            assertThat(Integer.parseInt(find(Span.class).id("schoolvisit-handovers-open").getText()))
                    .as("the operator's home counts the open record").isPositive();
            PrintQueueView view = navigate(PrintQueueView.class);
            @SuppressWarnings("unchecked")
            Grid<OpenHandover> open = find(Grid.class).id("handover-open");
            assertThat(open.getListDataView().getItems().filter(record -> record.id() == made.id()))
                    .singleElement().satisfies(record -> assertThat(record.signed()).isTrue());
            List<OpenHandover> rows = open.getListDataView().getItems().toList();
            int row = rows.indexOf(rows.stream().filter(record -> record.id() == made.id()).findFirst().orElseThrow());
            GridInput.clickAction(open, row, "handover-open-"); // signed: the receipt to record
            test(find(Button.class).id("handover-received")).click(); // no name yet: said at the field
            assertThat(find(TextField.class).id("handover-receiver").getErrorMessage())
                    .isEqualTo("Tuliskan nama penerima dari sekolah (paling banyak 100 karakter).");
            assertThat(jdbc.queryForObject("SELECT received_at IS NULL FROM schoolvisit_handover WHERE id = ?",
                    Boolean.class, made.id())).as("nothing recorded while the name is missing").isTrue();
            test(find(TextField.class).id("handover-receiver")).setValue("Dra. Rina Marlina");
            test(find(Button.class).id("handover-received")).click();
            assertThat(lastNotification()).contains(made.number(), "Dra. Rina Marlina");
            assertThat(view.open.getListDataView().getItems().map(OpenHandover::id)).doesNotContain(made.id());
        });
        assertThat(SignedInAs.call(users, printer, () -> handovers.find(made.id())).students())
                .extracting(Student::state).containsOnly(StudentState.HANDED_OVER);

        // Step 8 is the handover itself (25 minutes), not the three hours the record waited for the signature.
        assertThat(jdbc.queryForObject("""
                SELECT TIMESTAMPDIFF(MINUTE, started_at, ended_at) FROM sla_step
                WHERE case_id = ? AND step = 'D8_HANDOVER'""", Long.class, "D-H" + made.id())).isBetween(24L, 26L);
    }

    @Test
    void a_record_waiting_for_its_signature_is_shown_again_when_its_school_is_chosen() throws Exception {
        PrintedAtSchool scene = printedAtSchool(false);
        String printer = scene.printer();
        var arranged = scene.arranged();
        SignedInAs.run(users, printer, () -> {
            PrintQueueView view = navigate(PrintQueueView.class);
            view.school.setValue(arranged.school());
            test(find(Button.class).id("handover-prepare")).click();
            navigate(id.dukcapil.portal.shared.ui.HomeView.class);
            PrintQueueView again = navigate(PrintQueueView.class);
            again.school.setValue(arranged.school());
            assertThat(find(Paragraph.class).id("handover-waiting-signature").getText()).contains("Kepala Dinas");
        });
    }

    /** A school's visit on a day of its own, its one student's card printed on site at 07:00 by a new officer. */
    private PrintedAtSchool printedAtSchool(boolean visitClosed) {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        String printer = staffAccounts.create(Set.of(Role.PRINT_OPERATOR), PASSWORD);
        LocalDate day = LocalDate.now(OFFICE).plusDays(40 + Math.floorMod(System.nanoTime(), 150));
        String[] student = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18), day.minusYears(17).minusDays(1),
                "PRINT_READY", 1).getFirst();
        var arranged = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer, day,
                List.<String[]>of(student), jdbc);
        long visitId = arranged.visit().id();
        clock.setInstant(day.atTime(7, 0).atZone(OFFICE).toInstant());
        SignedInAs.run(users, plannerName, () -> blanko.receive("DINAS", 2, "Kiriman uji serah terima"));
        SignedInAs.run(users, officer, () -> {
            visitDesk.setOut(visitId, 1);
            long id = field.roster(visitId).getFirst().id();
            field.begin(visitId, id);
            field.statusChecked(visitId, id);
            field.printOnSite(visitId, id);
            if (visitClosed) {
                visitDesk.close(visitId);
            }
        });
        return new PrintedAtSchool(printer, day, arranged);
    }

    private record PrintedAtSchool(String printer, LocalDate day, SchoolVisitTestSupport.Arranged arranged) {
    }
}
