package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.schoolvisit.Kit;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolForm;
import id.dukcapil.portal.schoolvisit.SchoolLevel;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.VisitPlan;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.security.core.userdetails.UserDetailsService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The planner's calendar at a desk (1440 × 900), in both languages: each visit's chip stays inside its own day (a
 * chip reaching into the next day read as a two-day visit) and names its school whole, its whole line in a tooltip;
 * today's week is in the window (issue 54, item 12); and the side menu shows every label whole.
 */
@PortalTest
class PlannerCalendarBrowserTest {

    @LocalServerPort int port;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired Schools schools;
    @Autowired VisitPlanner planner;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;

    @Test
    void each_visit_stays_in_its_day_with_its_whole_line_in_a_tooltip_and_every_menu_label_is_whole() {
        // Today's visit of a school with a long name, its kit named at length: the widest chip a day can get.
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), "Sandi-Kuat-2026");
        String npsn = String.valueOf(10_000_000 + Math.floorMod(System.nanoTime(), 89_999_999));
        SignedInAs.run(users, "perencana", () -> {
            String village = jdbc.queryForObject("SELECT MIN(code) FROM shared_region_village", String.class);
            School school = schools.create(new SchoolForm(npsn, "SMA Negeri Kalender Bernama Panjang " + npsn,
                    SchoolLevel.SMA, "Jl. Pelajar No. 17", village, "Dra. Rina Marlina", "081234567890", null, "DINAS"));
            planner.saveKit(new Kit("KIT-" + npsn, "Set Perekaman Keliling " + npsn, "DINAS", false, null));
            planner.schedule(new VisitPlan(school.id(), LocalDate.now(ZoneId.of("Asia/Jakarta")), Set.of(officer),
                    "KIT-" + npsn, Instant.now()));
        });
        for (String language : List.of("id", "en")) {
            try (Browser desk = new Browser(port, 1440, 900)) {
                DemoStaff.signIn(desk, "perencana", jdbc);
                desk.driver.manage().addCookie(new Cookie("portal-lang", language));
                desk.open("jadwal-sekolah");
                desk.awaitSettled();
                desk.screenshot("planner-calendar-" + language);

                List<Map<String, Object>> chips = chips(desk);
                assertThat(chips).as("today's visit on this month's calendar, the school named whole")
                        .anyMatch(chip -> chip.get("text").equals("SMA Negeri Kalender Bernama Panjang " + npsn)
                                && ((String) chip.get("tooltip")).contains("Set Perekaman Keliling " + npsn));
                for (Map<String, Object> chip : chips) {
                    assertThat(((Number) chip.get("right")).doubleValue())
                            .as(language + ": the chip " + chip.get("text") + " ends inside its day")
                            .isLessThanOrEqualTo(((Number) chip.get("dayRight")).doubleValue() + 0.5);
                    assertThat((String) chip.get("tooltip")).as("its whole line in its tooltip, the kit and team too")
                            .startsWith((String) chip.get("text"));
                    assertThat((Boolean) chip.get("whole")).as(language + ": " + chip.get("text") + " shown whole")
                            .isTrue();
                }
                assertThat(todayInSight(desk)).as(language + ": today's week in the window, not below it").isTrue();
                assertThat(cutMenuLabels(desk)).as(language + ": menu labels cut").isEmpty();
            }
        }
        try (Browser printer = new Browser(port, 1440, 900)) {
            DemoStaff.signIn(printer, "cetak", jdbc);
            printer.screenshot("print-operator-menu");
            assertThat(cutMenuLabels(printer)).as("the print operator's menu, Cetak & Serah Terima Sekolah").isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> chips(Browser desk) {
        return (List<Map<String, Object>>) desk.driver.executeScript("""
                return [...document.querySelectorAll('.visit-chip')].map(chip => {
                  const button = chip.querySelector('vaadin-button');
                  const tooltip = button.querySelector('vaadin-tooltip');
                  const label = [...button.childNodes].filter(node => node.nodeType === Node.TEXT_NODE)
                    .map(node => node.textContent).join('').trim();
                  const part = button.shadowRoot.querySelector('[part=label]');
                  const whole = part.scrollWidth <= part.clientWidth + 1 && part.scrollHeight <= part.clientHeight + 1;
                  return { text: label, whole, right: button.getBoundingClientRect().right,
                           dayRight: chip.parentElement.getBoundingClientRect().right,
                           tooltip: tooltip ? tooltip.text : null };
                });""");
    }

    /** Whether today's day on the calendar lies within the window's height. */
    private static boolean todayInSight(Browser desk) {
        return (Boolean) desk.driver.executeScript("""
                const day = document.getElementById('day-' + arguments[0]);
                const box = day.getBoundingClientRect();
                return box.top >= 0 && box.bottom <= window.innerHeight;""",
                LocalDate.now(ZoneId.of("Asia/Jakarta")).toString());
    }

    /** The side menu's labels whose words do not fit the room they are given. */
    @SuppressWarnings("unchecked")
    private static List<String> cutMenuLabels(Browser desk) {
        return (List<String>) desk.driver.executeScript("""
                const cut = [];
                for (const item of document.querySelectorAll('#main-nav vaadin-side-nav-item')) {
                  const inner = [...item.shadowRoot.querySelectorAll('*'), item];
                  for (const el of inner) {
                    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1
                        && ['hidden', 'clip'].includes(getComputedStyle(el).overflowX)) {
                      cut.push(item.textContent.trim());
                      break;
                    }
                  }
                  const range = document.createRange();
                  range.selectNodeContents(item);
                  const words = range.getBoundingClientRect();
                  const room = item.getBoundingClientRect();
                  if (words.right > room.right + 1 && !cut.includes(item.textContent.trim())) {
                    cut.push(item.textContent.trim());
                  }
                }
                return cut;""");
    }
}
