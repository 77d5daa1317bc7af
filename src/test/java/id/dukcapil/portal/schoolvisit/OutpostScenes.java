package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A school visit of its own for issue 53's tests, set out with its cards and made ready by its officer, the clock on
 * its day: what an outpost checks out. Each scene has its own planner, officer, school, residents and day. A bean of
 * every {@code @PortalTest} context.
 */
@TestComponent
public record OutpostScenes(Schools schools, RosterImport rosterImport, VisitPlanner planner, VisitDesk visitDesk,
                            BlankoStock blanko, StaffAccounts staffAccounts, UserDetailsService users,
                            JdbcTemplate jdbc, TestClock clock) {

    public static final String PASSWORD = "Sandi-Kuat-2026";
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    /**
     * A visit underway, not checked out: residents by NIK, name and birth date as {@code SchoolVisitTestSupport};
     * {@code colleague} a second field officer of the visit's team.
     */
    public record Scene(String plannerName, String officer, String colleague, School school, SchoolVisit visit,
                        List<String[]> notRecorded, List<String[]> printReady) {

        public long visitId() {
            return visit.id();
        }

        public List<String[]> all() {
            List<String[]> all = new ArrayList<>(notRecorded);
            all.addAll(printReady);
            return all;
        }
    }

    /** The scene, the clock at 07:45 on its day (a day of its own, 30 to 230 days ahead). */
    public Scene setOut(int notRecorded, int printReady, int cards) {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        String colleague = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        LocalDate day = LocalDate.now(OFFICE).plusDays(30 + Math.floorMod(System.nanoTime(), 200));
        List<String[]> young = SchoolVisitTestSupport.residents(jdbc, day.minusYears(17).plusDays(1),
                day.minusYears(16), "NOT_RECORDED", notRecorded);
        List<String[]> ready = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18),
                day.minusYears(17).minusDays(1), "PRINT_READY", printReady);
        List<String[]> all = new ArrayList<>(young);
        all.addAll(ready);
        var arranged = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName,
                Set.of(officer, colleague), day, all, jdbc);
        long visitId = arranged.visit().id();
        clock.setInstant(day.atTime(7, 0).atZone(OFFICE).toInstant());
        if (cards > 0) {
            SignedInAs.run(users, plannerName, () -> blanko.receive("DINAS", cards, "Kiriman uji pos lapangan"));
        }
        SchoolVisit visit = SignedInAs.call(users, officer, () -> {
            visitDesk.setOut(visitId, cards);
            return visitDesk.ready(visitId);
        });
        clock.advance(Duration.ofMinutes(45));
        return new Scene(plannerName, officer, colleague, arranged.school(), visit, young, ready);
    }

    /** A laptop of its own: a new outpost node's key, as it makes one at its first take. */
    public static String laptop() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The student id of a resident of the scene's roster. */
    public long studentId(String[] resident) {
        return jdbc.queryForObject("SELECT id FROM schoolvisit_student WHERE nik = ?", Long.class, resident[0]);
    }
}
