package id.dukcapil.portal.schoolvisit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.schoolvisit.Kit;
import id.dukcapil.portal.schoolvisit.QueuedCard;
import id.dukcapil.portal.schoolvisit.RosterImport;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolForm;
import id.dukcapil.portal.schoolvisit.SchoolLevel;
import id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.schoolvisit.StudentState;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP D's screens as their users work them, without a browser: the planner schedules a visit on the calendar and
 * is told by name why a kit cannot go to a second school that day; the field officer takes cards out, records a
 * 17-year-old through every step and prints the card, and after a lost connection the screen shows what was saved.
 */
class SchoolVisitViewTest extends PortalViewTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";

    @Autowired Schools schools;
    @Autowired RosterImport rosterImport;
    @Autowired VisitPlanner planner;
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
    void the_planner_schedules_a_visit_on_the_calendar_and_a_second_school_for_the_same_kit_or_team_is_refused_at_that_field() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        LocalDate day = LocalDate.now(OFFICE).plusDays(40 + Math.floorMod(System.nanoTime(), 150));
        String tag = String.valueOf(Math.floorMod(System.nanoTime(), 89_999_999) + 10_000_000);
        School first = school(plannerName, tag, "SMA Negeri Kalender " + tag);
        School second = school(plannerName, String.valueOf(Long.parseLong(tag) + 1), "SMK Negeri Kalender " + tag);
        String kitCode = "KAL-" + tag;
        SignedInAs.run(users, plannerName, () -> planner.saveKit(new Kit(kitCode, "Set Kalender " + tag, "DINAS",
                false, null)));
        String otherKit = "KAL2-" + tag;
        SignedInAs.run(users, plannerName, () -> planner.saveKit(new Kit(otherKit, "Set Kalender Dua " + tag, "DINAS",
                false, null)));

        SignedInAs.run(users, plannerName, () -> {
            VisitCalendarView calendar = navigate(VisitCalendarView.class);
            ScheduleDialog.schedule(this, first, day, officer, kitCode);
            assertThat(lastNotification()).contains(first.name(), "dijadwalkan");
            Div cell = find(Div.class).id("day-" + day);
            assertThat(cell.getElement().getTextRecursively()).as("the month's day names the school whole")
                    .contains(first.name());
            Button chip = find(Button.class).from(cell).all().stream()
                    .filter(button -> button.getText().equals(first.name())).findFirst().orElseThrow();
            assertThat(chip.getTooltip().getText()).as("the kit by the dialog's name, not its code")
                    .contains(first.name(), "Set Kalender " + tag).doesNotContain(kitCode);

            ScheduleDialog.schedule(this, second, day, officer, kitCode);
            Select<?> kit = find(Select.class).id("schedule-kit");
            assertThat(kit.isInvalid()).as("the refusal at the kit, inside the dialog").isTrue();
            assertThat(kit.getErrorMessage()).contains("Set Kalender " + tag, first.name());
            MultiSelectComboBox<?> busyTeam = find(MultiSelectComboBox.class).id("schedule-team");
            assertThat(busyTeam.isInvalid()).as("the officer elsewhere told at Tim too, not only the first conflict")
                    .isTrue();
            assertThat(busyTeam.getErrorMessage()).contains(first.name()).doesNotContain("Set Kalender");
            assertThat(find(ComboBox.class).id("schedule-school").getValue()).as("what the planner chose stays")
                    .isEqualTo(second);
            test(find(Button.class).withText("Batal").last()).click();

            ScheduleDialog.schedule(this, second, day, officer, otherKit);
            MultiSelectComboBox<?> team = find(MultiSelectComboBox.class).id("schedule-team");
            assertThat(team.isInvalid()).as("an officer elsewhere told at Tim, not by a toast over it").isTrue();
            assertThat(team.getErrorMessage()).contains(first.name());
            assertThat(find(Select.class).id("schedule-kit").isInvalid()).isFalse();
            test(find(Button.class).withText("Batal").last()).click();

            test(calendar.mode).select(1); // the week
            assertThat(calendar.period.getText()).contains("–");
        });
    }

    @Test
    void the_field_officer_records_a_student_of_seventeen_prints_the_card_and_finds_it_saved_after_a_reload() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        LocalDate day = LocalDate.now(OFFICE).plusDays(40 + Math.floorMod(System.nanoTime(), 150));
        clock.setInstant(day.atTime(7, 0).atZone(OFFICE).toInstant());
        String[] student = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18), day.minusYears(17).minusDays(1),
                "NOT_RECORDED", 1).getFirst();
        var arranged = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer, day,
                List.<String[]>of(student), jdbc);
        SignedInAs.run(users, plannerName, () -> blanko.receive("DINAS", 5, "Kiriman uji lapangan"));

        SignedInAs.run(users, officer, () -> {
            navigate(id.dukcapil.portal.shared.ui.HomeView.class);
            assertThat(find(com.vaadin.flow.component.html.Span.class).id("schoolvisit-today").getText())
                    .as("the officer's home shows today's visit").isEqualTo("1");
            FieldView field = navigate(FieldView.class);
            assertThat(field.visits.getValue().id()).isEqualTo(arranged.visit().id());
            test(field.cards).setValue(2);
            test(find(Button.class).id("field-set-out")).click();
            assertThat(lastNotification()).contains(arranged.school().name());
            assertThat(field.visitLine.getText()).contains("blangko dibawa: 2");
            test(find(Button.class).id("field-ready")).click();

            test(field.roster).select(0);
            for (String step : List.of("field-begin", "field-status-checked", "field-matches", "field-recorded",
                    "field-print-ready", "field-print")) {
                test(find(Button.class).id(step)).click();
            }
            assertThat(field.saved.getText()).startsWith("Semua tersimpan di server");
            assertThat(find(com.vaadin.flow.component.html.Paragraph.class).id("field-student-saved").getText())
                    .contains(student[1], "Tercetak");

            // The tablet lost the school's Wi-Fi; back online, Reload shows what the server has: every outcome.
            test(find(Button.class).id("field-reload")).click();
            assertThat(lastNotification()).contains("tersimpan di server");
            Student saved = test(field.roster).getRow(0);
            assertThat(saved.state()).isEqualTo(StudentState.PRINTED);
            assertThat(test(field.roster).getCellText(0, 2)).isEqualTo("Tercetak, belum diserahkan");

            test(find(Button.class).id("field-close")).click();
            ConfirmDialog confirm = find(ConfirmDialog.class).all().getFirst();
            assertThat(test(confirm).getText()).contains("1 blangko");
            test(confirm).confirm();
            assertThat(lastNotification()).contains("selesai");
        });
    }

    @Test
    void the_planner_uploads_a_roster_and_sees_each_bad_row_with_its_reason() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        LocalDate day = LocalDate.now(OFFICE).plusDays(30);
        String[] student = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18), day.minusYears(17).minusDays(1),
                "NOT_RECORDED", 1).getFirst();
        String tag = String.valueOf(Math.floorMod(System.nanoTime(), 89_999_999) + 10_000_000);
        School school = school(plannerName, tag, "SMA Negeri Unggah " + tag);
        byte[] file = SchoolVisitTestSupport.roster(List.of(
                new SchoolVisitTestSupport.Line(student[0], student[1], student[2], "XII IPA 3"),
                new SchoolVisitTestSupport.Line("99", "Salah", "01/01/2009", "XII IPA 3")));
        SignedInAs.run(users, plannerName, () -> {
            SchoolsView view = navigate(SchoolsView.class);
            view.search.setValue(tag);
            view.show(school);
            view.visitDay.setValue(day);
            view.imported(school, file);
            assertThat(lastNotification()).contains("1 siswa baru", "1 baris salah");
            assertThat(view.badRows.isVisible()).isTrue();
            assertThat(test(view.badRows).getCellText(0, 2)).isEqualTo("NIK harus 16 angka.");
            assertThat(find(com.vaadin.flow.component.html.Paragraph.class).id("school-figures").getText())
                    .startsWith("Daftar siswa: 1");
        });
    }

    @Test
    void the_printing_operator_pages_through_a_birthday_queue_longer_than_one_screen() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String printer = staffAccounts.create(Set.of(Role.PRINT_OPERATOR), PASSWORD);
        String tag = String.valueOf(Math.floorMod(System.nanoTime(), 89_999_999) + 10_000_000);
        School school = school(plannerName, tag, "SMA Negeri Antrean " + tag);
        // 600 students recorded long ago and waiting: more than the 500 the queue used to show at most.
        int waiting = 600;
        for (int i = 0; i < waiting; i++) {
            LocalDate born = LocalDate.of(1950, 1, 1).plusDays(i);
            jdbc.update("""
                    INSERT INTO schoolvisit_student (school_id, nik, full_name, birth_date, turns_17_on, class_name,
                      state, imported_at) VALUES (?, ?, ?, ?, ?, 'XII', 'WAITING', NOW(3))""", school.id(),
                    "320401" + born.format(DateTimeFormatter.ofPattern("ddMMyy")) + "0001", "Siswa Antrean " + i, born,
                    born.plusYears(17));
        }

        SignedInAs.run(users, printer, () -> {
            navigate(PrintQueueView.class);
            Grid<QueuedCard> queue = find(Grid.class).id("queue-grid");
            assertThat(queue.getDataProvider().isInMemory()).as("the grid asks the server a page at a time").isFalse();
            assertThat(queue.getLazyDataView().getItems().filter(card -> card.schoolName().equals(school.name())))
                    .extracting(card -> card.student().fullName())
                    .hasSize(waiting).startsWith("Siswa Antrean 0", "Siswa Antrean 1").endsWith("Siswa Antrean 599");
            // Sorted in the database (decision 194): the youngest first, every page in that order.
            queue.sort(com.vaadin.flow.component.grid.GridSortOrder.desc(queue.getColumns().get(3)).build());
            assertThat(queue.getLazyDataView().getItems().filter(card -> card.schoolName().equals(school.name())))
                    .extracting(card -> card.student().fullName())
                    .hasSize(waiting).startsWith("Siswa Antrean 599", "Siswa Antrean 598").endsWith("Siswa Antrean 0");
            assertThat(queue.getColumns().get(2).isSortable()).as("a masked NIK is no order").isFalse();
        });
    }

    private School school(String plannerName, String npsn, String name) {
        String village = jdbc.queryForObject("SELECT MIN(code) FROM shared_region_village", String.class);
        return SignedInAs.call(users, plannerName, () -> schools.create(new SchoolForm(npsn, name, SchoolLevel.SMA,
                "Jl. Kalender No. 1", village, "Bapak Guru", "081200001111", null, "DINAS")));
    }
}
