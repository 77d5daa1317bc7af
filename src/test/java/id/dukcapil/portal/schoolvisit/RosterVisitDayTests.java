package id.dukcapil.portal.schoolvisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A school's roster is judged "16 or older" on the day of the visit it is for, not on whatever day the planner
 * typed (issue 54).
 */
@PortalTest
class RosterVisitDayTests {

    private static final String PASSWORD = "Sandi-Kuat-2026";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired Schools schools;
    @Autowired RosterImport rosterImport;
    @Autowired VisitPlanner planner;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_school_with_a_visit_scheduled_has_its_roster_judged_on_that_visits_day_and_no_other() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        LocalDate visitDay = LocalDate.now(clock).plusDays(60 + Math.floorMod(System.nanoTime(), 200));
        LocalDate before = visitDay.minusDays(30);
        LocalDate after = visitDay.plusDays(30);
        // 16 on the visit's day, not yet on the day before it; and 16 only after the visit's day.
        String[] sixteenOnTheVisit = SchoolVisitTestSupport.residents(jdbc, visitDay.minusYears(16).minusDays(25),
                visitDay.minusYears(16).minusDays(5), "NOT_RECORDED", 1).getFirst();
        String[] sixteenOnlyAfter = SchoolVisitTestSupport.residents(jdbc, visitDay.minusYears(16).plusDays(5),
                visitDay.minusYears(16).plusDays(25), "NOT_RECORDED", 1).getFirst();
        School school = SchoolVisitTestSupport.school(schools, users, plannerName, jdbc);
        SchoolVisitTestSupport.scheduled(planner, users, plannerName, school, officer, visitDay);
        byte[] file = SchoolVisitTestSupport.rosterOf(List.of(sixteenOnTheVisit, sixteenOnlyAfter));

        for (LocalDate typed : List.of(before, after)) {
            assertThatThrownBy(() -> SignedInAs.call(users, plannerName,
                    () -> rosterImport.importRoster(school.id(), typed, new ByteArrayInputStream(file))))
                    .as("a day other than the visit's: %s", typed)
                    .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                        assertThat(refused.messageKeys()).containsExactly("schoolvisit.roster.not-visit-day");
                        assertThat(refused.args()).containsExactly(DATE.format(visitDay));
                    });
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_student WHERE school_id = ?", Integer.class,
                school.id())).as("nothing imported on another day").isZero();
        assertThat(SignedInAs.call(users, plannerName, () -> rosterImport.visitDaysAhead(school.id())))
                .as("the day the schools screen proposes").containsExactly(visitDay);

        RosterReport report = SignedInAs.call(users, plannerName,
                () -> rosterImport.importRoster(school.id(), visitDay, new ByteArrayInputStream(file)));

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.badRows()).singleElement().satisfies(bad -> {
            assertThat(bad.nik()).isEqualTo(sixteenOnlyAfter[0]);
            assertThat(bad.reasonKey()).isEqualTo("schoolvisit.roster.under-16");
        });
        assertThat(jdbc.queryForList("SELECT nik FROM schoolvisit_student WHERE school_id = ?", String.class,
                school.id())).containsExactly(sixteenOnTheVisit[0]);
    }

    @Test
    void a_school_without_a_visit_yet_is_judged_on_a_day_a_visit_could_have_not_on_a_day_gone_by() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        School school = SchoolVisitTestSupport.school(schools, users, plannerName, jdbc);
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        String[] student = SchoolVisitTestSupport.residents(jdbc, yesterday.minusYears(18),
                yesterday.minusYears(17), "NOT_RECORDED", 1).getFirst();

        assertThatThrownBy(() -> SignedInAs.call(users, plannerName, () -> rosterImport.importRoster(school.id(),
                yesterday, new ByteArrayInputStream(SchoolVisitTestSupport.rosterOf(List.<String[]>of(student))))))
                .isInstanceOfSatisfying(RuleViolation.class, refused ->
                        assertThat(refused.messageKeys()).containsExactly("schoolvisit.error.day"));
    }
}
