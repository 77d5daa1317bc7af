package id.dukcapil.portal.schoolvisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.staff.StaffAccounts;
import id.dukcapil.portal.staff.StaffNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A visit that conflicts in several ways is refused with every conflict named, long lists cut to the first five
 * and a count of the rest, in both languages (issue 54).
 */
@PortalTest
class ScheduleConflictTests {

    private static final String PASSWORD = "Sandi-Kuat-2026";

    @Autowired Schools schools;
    @Autowired VisitPlanner planner;
    @Autowired StaffAccounts staffAccounts;
    @Autowired StaffNames staffNames;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MessageSource messages;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_visit_whose_kit_and_officers_are_taken_names_the_kit_the_officer_on_leave_and_five_busy_officers_and_counts_the_rest() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        LocalDate day = LocalDate.now(clock).plusDays(20 + Math.floorMod(System.nanoTime(), 200));
        List<String> busy = IntStream.range(0, 7)
                .mapToObj(i -> staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD)).toList();
        String onLeave = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        School first = SchoolVisitTestSupport.school(schools, users, plannerName, jdbc);
        String kit = SchoolVisitTestSupport.kit(planner, users, plannerName, first);
        SignedInAs.run(users, plannerName, () -> {
            planner.schedule(new VisitPlan(first.id(), day, Set.copyOf(busy), kit, clock.instant()));
            planner.leave(onLeave, day, day, "Cuti tahunan");
        });
        School second = SchoolVisitTestSupport.school(schools, users, plannerName, jdbc);
        Set<String> team = new HashSet<>(busy);
        team.add(onLeave);

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> SignedInAs.call(users, plannerName,
                () -> planner.schedule(new VisitPlan(second.id(), day, team, kit, clock.instant()))));

        assertThat(refused.messageKeys()).containsExactly("schoolvisit.conflict.kit-busy",
                "schoolvisit.conflict.leave", "schoolvisit.conflict.officer-busy");
        List<String> busyNames = new ArrayList<>(staffNames.of(busy).values());
        String leaveName = staffNames.of(List.of(onLeave)).get(onLeave);
        String indonesian = text(refused, PortalMessages.INDONESIAN);
        String english = text(refused, Locale.ENGLISH);
        assertThat(indonesian).contains("Set Perekaman " + first.npsn() + " pada hari itu sudah dipakai di "
                        + first.name(), "Sedang cuti pada hari itu: " + leaveName + ".",
                "Pada hari itu sudah bertugas di sekolah lain: ", " (" + first.name() + ")",
                " dan 2 petugas lainnya.");
        assertThat(english).contains("Equipment kit Set Perekaman " + first.npsn() + " is already at " + first.name(),
                "On leave that day: " + leaveName + ".", "Already on duty at another school that day: ",
                " and 2 more officers.");
        for (String text : List.of(indonesian, english)) {
            assertThat(busyNames.stream().filter(text::contains)).as("five of the seven busy officers named")
                    .hasSize(VisitPlanner.CONFLICTS_NAMED);
        }
    }

    @Test
    void one_officer_more_is_said_in_the_singular() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        LocalDate day = LocalDate.now(clock).plusDays(20 + Math.floorMod(System.nanoTime(), 200));
        List<String> onLeave = IntStream.range(0, 6)
                .mapToObj(i -> staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD)).toList();
        School school = SchoolVisitTestSupport.school(schools, users, plannerName, jdbc);
        String kit = SchoolVisitTestSupport.kit(planner, users, plannerName, school);
        SignedInAs.run(users, plannerName, () -> onLeave.forEach(officer -> planner.leave(officer, day, day, "Sakit")));

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> SignedInAs.call(users, plannerName,
                () -> planner.schedule(new VisitPlan(school.id(), day, Set.copyOf(onLeave), kit, clock.instant()))));

        assertThat(refused.messageKeys()).containsExactly("schoolvisit.conflict.leave");
        assertThat(text(refused, PortalMessages.INDONESIAN)).endsWith(" dan 1 petugas lainnya.");
        assertThat(text(refused, Locale.ENGLISH)).endsWith(" and 1 more officer.");
    }

    private String text(RuleViolation refused, Locale locale) {
        return refused.messageKeys().stream().map(key -> messages.getMessage(key, refused.args(), locale))
                .collect(Collectors.joining(" "));
    }
}
