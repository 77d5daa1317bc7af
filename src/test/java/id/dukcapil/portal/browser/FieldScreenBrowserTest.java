package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.schoolvisit.RosterImport;
import id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP D's field screen on a tablet held upright (800 × 1280), in Chromium: the officer sets out, records a student
 * of 17 through every step and prints the card, nothing on the screen is cut or pushed sideways, and after the page
 * is opened anew (a lost connection) the student shows as printed — the server had saved every tap.
 */
@PortalTest
class FieldScreenBrowserTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";

    @LocalServerPort int port;
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
    void the_field_officer_records_and_prints_on_a_tablet_and_the_outcome_survives_a_reload() {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        LocalDate day = LocalDate.now(OFFICE).plusDays(40 + Math.floorMod(System.nanoTime(), 150));
        clock.setInstant(day.atTime(7, 30).atZone(OFFICE).toInstant());
        String[] student = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18), day.minusYears(17).minusDays(1),
                "NOT_RECORDED", 1).getFirst();
        SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer, day,
                List.<String[]>of(student), jdbc);
        SignedInAs.run(users, plannerName, () -> blanko.receive("DINAS", 3, "Kiriman uji tablet"));

        try (Browser tablet = new Browser(port, 800, 1280)) {
            tablet.signIn(officer, PASSWORD);
            tablet.awaitText(By.tagName("h2"), "Selamat datang");
            tablet.open("lapangan");
            tablet.await(By.id("field-cards")).findElement(By.tagName("input")).sendKeys("1");
            tablet.await(By.id("field-set-out")).click();
            tablet.awaitText(By.id("field-visit-line"), "blangko dibawa: 1");
            tablet.await(By.id("field-ready"));
            // The officer taps "ready" and, before its answer is back, the student: the tap is not lost (the answer
            // used to show the roster anew, and the tap then named a row the server no longer knew: 3 of 3 lost).
            tablet.driver.executeScript("""
                    document.getElementById('field-ready').click();
                    [...document.querySelectorAll('#field-roster vaadin-grid-cell-content')]
                      .find(cell => cell.textContent.trim().replace(/\\s+/g, ' ') === arguments[0]).click();""",
                    student[1].strip().replaceAll("\\s+", " "));
            tablet.await(By.id("field-student-state"));
            assertBesideTheRoster(tablet);
            List<String> findings = new ArrayList<>();
            // Every step's button where the officer's eye already is, beside the list: no scroll down and up.
            for (String step : List.of("field-begin", "field-status-checked", "field-matches", "field-recorded",
                    "field-print-ready", "field-print")) {
                WebElement button = tablet.await(By.id(step));
                assertInTheWindow(tablet, button);
                findings.addAll(tablet.findings(step));
                button.click();
                tablet.await(By.xpath("//*[@id='field-student-state']"));
            }
            tablet.awaitText(By.id("field-student-state"), "Tercetak");
            tablet.screenshot("field-screen-tablet");
            findings.addAll(tablet.findings("printed, upright"));
            tablet.resize(1280, 800); // the tablet turned
            findings.addAll(tablet.findings("printed, turned"));
            tablet.resize(800, 1280);
            tablet.chooseLanguage("English");
            tablet.tapRow("field-roster", student[1]);
            tablet.awaitText(By.id("field-student-state"), "Printed");
            assertBesideTheRoster(tablet);
            findings.addAll(tablet.findings("printed, in English"));
            assertThat(findings).isEmpty();
            tablet.chooseLanguage("Bahasa Indonesia");

            tablet.driver.navigate().refresh(); // the school's Wi-Fi dropped; the page is opened anew
            tablet.await(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Tercetak, belum diserahkan']"));
        }
    }

    /** The student's panel beside the roster, its top level with the list's, on the upright tablet (issue 36, item 7). */
    private static void assertBesideTheRoster(Browser tablet) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) tablet.driver.executeScript("""
                const roster = document.getElementById('field-roster').getBoundingClientRect();
                const panel = document.getElementById('field-student').getBoundingClientRect();
                return [roster.right, panel.left, roster.bottom, panel.top];""");
        assertThat(at.get(1).doubleValue()).as("the student's panel starts right of the roster")
                .isGreaterThanOrEqualTo(at.get(0).doubleValue());
        assertThat(at.get(3).doubleValue()).as("the student's panel beside the roster, not below it")
                .isLessThan(at.get(2).doubleValue());
    }

    private static void assertInTheWindow(Browser browser, WebElement element) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.driver.executeScript("""
                const box = arguments[0].getBoundingClientRect();
                return [box.left, box.top, box.right, box.bottom, window.innerWidth, window.innerHeight];""", element);
        assertThat(at.get(0).doubleValue()).as(element.getAttribute("id") + " inside the window").isGreaterThanOrEqualTo(0);
        assertThat(at.get(1).doubleValue()).as(element.getAttribute("id") + " inside the window").isGreaterThanOrEqualTo(0);
        assertThat(at.get(2).doubleValue()).as(element.getAttribute("id") + " inside the window")
                .isLessThanOrEqualTo(at.get(4).doubleValue());
        assertThat(at.get(3).doubleValue()).as(element.getAttribute("id") + " inside the window")
                .isLessThanOrEqualTo(at.get(5).doubleValue());
    }
}
