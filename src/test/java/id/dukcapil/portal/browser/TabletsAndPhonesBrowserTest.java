package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.booking.BookingTestSupport;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 54's walk of the small screens in one Chromium: every desk used on an upright tablet (800 × 1280: the
 * registration desk, the recording desk, the field screen) and every citizen's page on a phone (390 × 844: the BDS
 * pages from registration and its code to the ticket, the QR code's check, the demo IKD app) fits its screen: no
 * sideways scroll, no button, field or link past the window's edge, no word broken inside. The field screen is looked
 * at on a phone too, as an officer without a tablet opens it. The citizen's pages are walked in Bahasa Indonesia and in
 * English.
 */
@PortalTest
class TabletsAndPhonesBrowserTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";
    /** The name the citizen types and chooses: the only point of that name. */
    private static final String POINT_NAME = "UKL Kecamatan Uji Layar";

    /** A point of its own: no other test's bookings on its days. */
    private static String point;

    @LocalServerPort int port;
    @Autowired Schools schools;
    @Autowired RosterImport rosterImport;
    @Autowired VisitPlanner planner;
    @Autowired BlankoStock blanko;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired BookingTestSupport citizens;

    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff, @Autowired JdbcTemplate jdbc,
                                   @Autowired BlankoStock stock, @Autowired UserDetailsService users) {
        point = CitizensPoint.named(POINT_NAME, staff, jdbc, stock, users);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void every_tablet_desk_and_every_citizens_page_fits_its_screen() {
        List<String> findings = new ArrayList<>();
        try (Browser browser = new Browser(port, 800, 1280)) {
            fieldScreen(browser, findings);
            clock.reset();
            for (String[] desk : List.of(new String[] {"registrasi", "registrasi", "recording-close-day"},
                    new String[] {"perekaman", "perekaman", null})) {
                browser.resize(800, 1280);
                signInAnew(browser, desk[0], PortalTest.DEMO_PASSWORD);
                browser.open(desk[1]);
                if (desk[2] != null) {
                    browser.await(By.id(desk[2]));
                }
                look(browser, "tablet, " + desk[1], findings);
            }
            browser.resize(390, 844);
            for (String language : List.of("id", "en")) {
                citizensPages(browser, findings, language);
            }
        }
        assertThat(findings).isEmpty();
    }

    /** SOP D's field screen with a visit set out and a student open, upright on a tablet, then on a phone. */
    private void fieldScreen(Browser browser, List<String> findings) {
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        LocalDate day = LocalDate.now(OFFICE).plusDays(40 + Math.floorMod(System.nanoTime(), 150));
        clock.setInstant(day.atTime(7, 30).atZone(OFFICE).toInstant());
        List<String[]> students = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18),
                day.minusYears(17).minusDays(1), "NOT_RECORDED", 3);
        SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer, day, students, jdbc);
        SignedInAs.run(users, plannerName, () -> blanko.receive("DINAS", 3, "Kiriman uji layar kecil"));

        signInAnew(browser, officer, PASSWORD);
        browser.open("lapangan");
        browser.await(By.id("field-cards")).findElement(By.tagName("input")).sendKeys("1");
        browser.await(By.id("field-set-out")).click();
        browser.awaitText(By.id("field-visit-line"), "blangko dibawa: 1");
        browser.await(By.id("field-ready")).click();
        browser.awaitText(By.id("field-saved"), "tersimpan");
        browser.tapRow("field-roster", students.getFirst()[1]);
        browser.await(By.id("field-begin"));
        look(browser, "tablet, lapangan", findings);
        browser.resize(390, 844);
        look(browser, "phone, lapangan", findings);
        browser.driver.executeScript("document.getElementById('field-roster').scrollIntoView()");
        browser.screenshot("small-phone-lapangan-roster");
    }

    /**
     * The citizen registers, enters the code, books a day and reads the ticket; then the pages without a session: all
     * in {@code language}, as the citizen's language cookie chose it.
     */
    private void citizensPages(Browser phone, List<String> findings, String language) {
        boolean english = language.equals("en");
        LocalDate day = citizens.dayOfItsOwn(point, 9);
        citizens.quota(point, day, 9);
        String email = citizens.newEmail();
        String nik = citizens.printReadyNiks(1).getFirst();

        phone.driver.manage().deleteAllCookies();
        phone.open("bds/masuk"); // the cookie belongs to the portal's address: a page of it first
        phone.driver.manage().addCookie(new Cookie("portal-lang", language));
        phone.open("bds/daftar");
        phone.await(By.cssSelector("#bds-full-name input")).sendKeys("Raden Ajeng Kusumawardhani Puspitasari");
        phone.driver.findElement(By.cssSelector("#bds-email input")).sendKeys(email);
        phone.driver.findElement(By.cssSelector("#bds-phone input")).sendKeys("081311112222");
        phone.driver.findElement(By.cssSelector("#bds-password input")).sendKeys(BookingTestSupport.PASSWORD);
        look(phone, language + " phone, bds/daftar", findings);
        phone.driver.findElement(By.id("bds-register")).click();

        phone.await(By.cssSelector("#bds-otp input")).sendKeys(citizens.lastCodeTo(email));
        look(phone, language + " phone, bds/otp", findings);
        phone.driver.findElement(By.id("bds-verify")).click();
        phone.await(By.id("bds-book"));
        look(phone, language + " phone, bds", findings);
        phone.driver.findElement(By.id("bds-book")).click();

        phone.await(By.cssSelector("#bds-nik input")).sendKeys(nik);
        phone.await(By.cssSelector("#bds-kk input")).sendKeys(citizens.kkOf(nik));
        var point = phone.await(By.cssSelector("#bds-point input"));
        point.sendKeys(POINT_NAME);
        phone.awaitText(By.tagName("vaadin-combo-box-item"), POINT_NAME);
        point.sendKeys(Keys.ENTER);
        var cell = phone.await(By.id("day-" + day));
        phone.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
        cell.click();
        phone.awaitText(By.className("day-picker-chosen"), english ? "9 left" : "9 tersisa");
        look(phone, language + " phone, bds/booking", findings);
        phone.driver.findElement(By.id("bds-submit")).click();
        phone.awaitText(By.id("bds-tickets"), english ? "Queue 1" : "Antrian 1");
        look(phone, language + " phone, bds/riwayat", findings);

        String signed = jdbc.queryForObject(
                "SELECT token FROM signing_document WHERE state = 'SIGNED' ORDER BY id LIMIT 1", String.class);
        phone.driver.manage().deleteAllCookies();
        phone.driver.manage().addCookie(new Cookie("portal-lang", language)); // the session ends, the language stays
        for (String page : List.of("bds/masuk", "bds/lupa-sandi", "verify", "verify/" + signed, "demo/ikd-app")) {
            phone.open(page);
            look(phone, language + " phone, " + page, findings);
        }
    }

    /** Signs in afresh: the session before it ended, as on a shared tablet. */
    private static void signInAnew(Browser browser, String username, String password) {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(username, password);
        browser.awaitLeft("login");
        browser.await(By.tagName("h2"));
    }

    private static void look(Browser browser, String step, List<String> findings) {
        browser.awaitSettled();
        browser.screenshot("small-" + step.replaceAll("[^A-Za-z0-9]+", "-"));
        if (browser.scrollsSideways()) {
            findings.add(step + ": scrolls sideways");
        }
        browser.controlsOutsideTheWindow().forEach(out -> findings.add(step + ": past the edge " + out));
        browser.wordsBrokenInside().forEach(word -> findings.add(step + ": a word broken inside: " + word));
    }
}
