package id.dukcapil.portal.schoolvisit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.schoolvisit.RosterImport;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolForm;
import id.dukcapil.portal.schoolvisit.SchoolListImport;
import id.dukcapil.portal.schoolvisit.SchoolLevel;
import id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP D's remaining forms bound to their records' constraints (issue 55, item 4): a visit without a team, no number
 * of cards taken, a student list without its visit day are each said at their field, and nothing is
 * scheduled, set out or read.
 */
class SchoolVisitFormsViewTest extends PortalViewTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";

    @Autowired Schools schools;
    @Autowired RosterImport rosterImport;
    @Autowired SchoolListImport schoolList;
    @Autowired VisitPlanner planner;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_visit_without_a_team_is_said_at_the_team_and_not_scheduled() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        School school = school(plannerName, "SMA Tanpa Tim");
        LocalDate day = LocalDate.now(OFFICE).plusDays(50);
        SignedInAs.run(users, plannerName, () -> {
            VisitCalendarView view = navigate(VisitCalendarView.class);
            view.openSchedule(day);
            roundTrip(); // the dialog attached, as after a click
            ScheduleEditor editor = Objects.requireNonNull(view.scheduleEditor);
            editor.school.setValue(school);
            editor.kit.setValue(editor.kit.getListDataView().getItem(0));

            test(editor.save).click();

            assertThat(editor.team.isInvalid()).isTrue();
            assertThat(editor.team.getErrorMessage()).isEqualTo("Tim terdiri atas 1 sampai 8 petugas.");
            assertThat(editor.school.isInvalid()).isFalse();
            assertThat(editor.isOpened()).as("the dialog stays, as chosen").isTrue();
            assertThat(editor.school.getValue()).isEqualTo(school);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_visit WHERE school_id = ?", Integer.class,
                school.id())).isZero();
    }

    @Test
    void no_number_of_cards_is_said_at_the_field_and_the_visit_stays_planned() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        LocalDate day = LocalDate.now(OFFICE).plusDays(40 + Math.floorMod(System.nanoTime(), 150));
        clock.setInstant(day.atTime(7, 0).atZone(OFFICE).toInstant());
        String[] student = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18), day.minusYears(17).minusDays(1),
                "NOT_RECORDED", 1).getFirst();
        var arranged = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer, day,
                List.<String[]>of(student), jdbc);
        SignedInAs.run(users, officer, () -> {
            FieldView field = navigate(FieldView.class);
            field.visits.setValue(field.visits.getListDataView().getItems()
                    .filter(visit -> visit.id() == arranged.visit().id()).findFirst().orElseThrow());
            field.cards.clear(); // the field itself stops a number past its bounds; emptied, only the form can say it
            test(find(com.vaadin.flow.component.button.Button.class).id("field-set-out")).click();

            assertThat(field.cards.isInvalid()).isTrue();
            assertThat(field.cards.getErrorMessage()).isEqualTo("Jumlah blangko yang dibawa antara 0 dan 500.");
        });
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_visit WHERE id = ?", String.class,
                arranged.visit().id())).isEqualTo("PLANNED");
    }

    @Test
    void a_student_list_without_its_visit_day_is_said_at_the_day_and_not_read() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        School school = school(plannerName, "SMA Tanpa Hari");
        SignedInAs.run(users, plannerName, () -> {
            SchoolsView view = navigate(SchoolsView.class);
            view.show(school);
            view.visitDay.clear();

            view.imported(school, rosterImport.template());

            assertThat(view.visitDay.isInvalid()).isTrue();
            assertThat(view.visitDay.getErrorMessage())
                    .isEqualTo("Pilih tanggal kunjungan antara hari ini dan satu tahun ke depan.");

            view.listUpload.importList(schoolList.template()); // the list of schools, no service point chosen
            assertThat(view.listUpload.point.isInvalid()).as("said at the point's field").isTrue();
            assertThat(view.listUpload.point.getErrorMessage()).isNotBlank().doesNotContain("schoolvisit.");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_student WHERE school_id = ?", Integer.class,
                school.id())).isZero();
    }

    private School school(String plannerName, String name) {
        String npsn = String.valueOf(Math.floorMod(System.nanoTime(), 89_999_999) + 10_000_000);
        String village = jdbc.queryForObject("SELECT MIN(code) FROM shared_region_village", String.class);
        return SignedInAs.call(users, plannerName, () -> schools.create(new SchoolForm(npsn, name + " " + npsn,
                SchoolLevel.SMA, "Jl. Formulir No. 1", village, "Bapak Guru", "081200001111", null, "DINAS")));
    }
}
