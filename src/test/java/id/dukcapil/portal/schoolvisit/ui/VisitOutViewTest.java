package id.dukcapil.portal.schoolvisit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.OutpostPackage;
import id.dukcapil.portal.schoolvisit.OutpostScenes;
import id.dukcapil.portal.schoolvisit.Outposts;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 53 at the Dinas's screens: a visit out at an outpost says with whom, at which outpost and since when wherever
 * it is opened — the field screen, the planner's calendar and its visit, the school's roster and handover — and
 * offers none of the actions the Dinas would refuse meanwhile; checked in, the visit's actions are there again.
 */
class VisitOutViewTest extends PortalViewTest {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Autowired OutpostScenes outpostScenes;
    @Autowired VisitPlanner planner;
    @Autowired Outposts outposts;
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
    void a_visit_out_at_an_outpost_says_with_whom_and_since_when_and_offers_nothing_the_dinas_would_refuse() {
        OutpostScenes.Scene scene = outpostScenes.setOut(1, 0, 0);
        String officer = scene.officer();
        OutpostPackage sent = SignedInAs.call(users, officer, () -> outposts.checkOut(scene.visitId(), "Laptop E",
                OutpostScenes.laptop()));
        String line = "Dibawa ke lapangan oleh Petugas Uji " + officer + " (pos Laptop E) sejak "
                + SINCE.format(sent.checkedOutAt().atZone(ZoneId.of("Asia/Jakarta")));

        SignedInAs.run(users, officer, () -> {
            FieldView field = navigate(FieldView.class);
            assertThat(field.visitPanel.getElement().getTextRecursively()).contains(line);
            assertThat(find(Button.class).withId("field-ready").exists()).as("not offered while out").isFalse();
            assertThat(find(Button.class).withId("field-close").exists()).as("not offered while out").isFalse();
            Student student = field.roster.getListDataView().getItems().findFirst().orElseThrow();
            field.roster.select(student);
            assertThat(field.studentPanel.getElement().getTextRecursively()).contains(line);
            assertThat(find(Button.class).withId("field-begin").exists()).as("the step the Dinas refuses").isFalse();

            PrintQueueView queue = navigate(PrintQueueView.class);
            queue.school.setValue(scene.school());
            assertThat(queue.prepare.isEnabled()).as("the school's handover waits for its visit").isFalse();
            assertThat(queue.handoverPanel.getElement().getTextRecursively()).contains(line);
        });
        SignedInAs.run(users, scene.plannerName(), () -> {
            VisitCalendarView calendar = navigate(VisitCalendarView.class);
            Button chip = find(Button.class).id("visit-" + scene.visitId());
            assertThat(chip.getTooltip().getText()).contains(scene.school().name(), line);
            calendar.openVisit(scene.visit());
            assertThat(find(Paragraph.class).id(OutLine.ID).getText()).startsWith(line);
            find(com.vaadin.flow.component.dialog.Dialog.class).all().forEach(
                    com.vaadin.flow.component.dialog.Dialog::close);

            SchoolsView schoolsView = navigate(SchoolsView.class);
            schoolsView.show(scene.school());
            assertThat(schoolsView.detail.getElement().getTextRecursively()).contains(line);
            assertThat(find(com.vaadin.flow.component.upload.Upload.class).id("roster-upload").isEnabled())
                    .as("the roster is the outpost's meanwhile").isFalse();
        });

        SignedInAs.call(users, officer, () -> {
            OutpostBundle nothing = new OutpostBundle(sent.checkoutId(), 0, List.of());
            return outposts.checkIn(nothing, Outposts.sign(nothing, sent.secret()));
        });

        SignedInAs.run(users, officer, () -> {
            FieldView field = navigate(FieldView.class);
            assertThat(field.visitPanel.getElement().getTextRecursively()).doesNotContain("Dibawa ke lapangan");
            assertThat(find(Button.class).withId("field-ready").exists()).as("the Dinas's again").isTrue();
            field.roster.select(field.roster.getListDataView().getItems().findFirst().orElseThrow());
            assertThat(find(Button.class).withId("field-begin").exists()).isTrue();
        });
    }

    @Test
    void a_supervisor_takes_a_lost_laptops_visit_back_from_its_dialog_with_a_reason() {
        OutpostScenes.Scene scene = outpostScenes.setOut(1, 0, 0);
        OutpostPackage sent = SignedInAs.call(users, scene.officer(), () -> outposts.checkOut(scene.visitId(),
                "Laptop Rusak", OutpostScenes.laptop()));
        SignedInAs.run(users, scene.plannerName(), () -> {
            VisitCalendarView calendar = navigate(VisitCalendarView.class);
            calendar.openVisit(scene.visit());
            test(find(Button.class).id("visit-take-back")).click();
            roundTrip(); // the dialog attached, as after a click
            ReasonDialog dialog = find(ReasonDialog.class).single();
            assertThat(dialog.isOpened()).isTrue();
            assertThat(dialog.getElement().getTextRecursively()).contains("hilang, dicuri atau rusak");
            test(dialog.confirm).click();
            assertThat(dialog.reason.isInvalid()).as("no reason, nothing done").isTrue();
            test(dialog.reason).setValue("Laptop jatuh dan tidak menyala");
            test(dialog.confirm).click();
            assertThat(dialog.isOpened()).isFalse();
            assertThat(lastNotification()).contains("kembali ke Dinas");
        });
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE id = ?", String.class,
                sent.checkoutId())).isEqualTo("TAKEN_BACK");
        SignedInAs.run(users, scene.officer(), () -> {
            navigate(FieldView.class);
            assertThat(find(Button.class).withId("field-close").exists()).as("the Dinas's again").isTrue();
        });
    }
}
