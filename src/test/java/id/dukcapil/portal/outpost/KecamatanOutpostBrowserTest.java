package id.dukcapil.portal.outpost;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.browser.Browser;
import id.dukcapil.portal.browser.ScreenFindings;
import id.dukcapil.portal.recording.DayResidents;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 53's UKL day on an outpost, in Chromium on the kecamatan's laptop (1280 × 800): the registration operator takes
 * the point's day, the link to the Dinas is cut for an hour of the test clock, numbers are given with the outpost's
 * prefix and called at the recording desk, the waiting room's board follows the calls by itself, and the day goes back
 * once the link returns. Each screen looked at: nothing cut, nothing past the edge, no code where words belong.
 */
@PortalTest
class KecamatanOutpostBrowserTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";

    @LocalServerPort int port;
    @Autowired StaffAccounts staffAccounts;
    @Autowired id.dukcapil.portal.staff.ServicePoints servicePoints;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    private DinasLink link;

    @BeforeEach
    void nothing_held() throws Exception {
        link = new DinasLink(port);
        // One outpost for the whole test JVM: work another test left out would hold it (one piece at a time).
        jdbc.update("UPDATE outpost_visit SET status = 'BACK' WHERE status <> 'BACK'");
        jdbc.update("UPDATE outpost_day SET status = 'BACK' WHERE status <> 'BACK'");
    }

    @AfterEach
    void real_time_again() {
        link.close();
        clock.reset();
    }

    @Test
    void a_ukl_day_runs_on_the_outpost_with_the_link_cut_and_goes_back_once() throws Exception {
        LocalDate day = LocalDate.now(OFFICE).plusDays(641);
        clock.setInstant(day.atTime(7, 45).atZone(OFFICE).toInstant());
        String point = staffAccounts.servicePoint();
        String registrar = staffAccounts.create(java.util.Set.of(Role.REGISTRATION_OPERATOR), PASSWORD, point);
        String recorder = staffAccounts.create(java.util.Set.of(Role.RECORDING_OPERATOR), PASSWORD, point);
        List<String> niks = DayResidents.made(jdbc, day, 2);
        List<String> findings = new ArrayList<>();

        try (Browser desk = new Browser(port, 1280, 800); Browser recording = new Browser(port, 1280, 800);
             Browser board = Browser.forAnOffice(port)) {
            signIn(desk, registrar);
            desk.open("pos-kecamatan");
            type(desk, "#day-dinas input", link.dinas().toString());
            type(desk, "#day-password input", PASSWORD);
            look(desk, "take", findings);
            click(desk, By.id("day-take"));
            desk.await(By.id("day-heading"));
            desk.awaitTextAnywhere("Hari layanan");
            assertThat(jdbc.queryForObject("SELECT state FROM recording_checkout WHERE service_point = ?",
                    String.class, point)).isEqualTo("OUT");

            link.cut(); // the kecamatan's link to the Dinas is down from here on
            signIn(recording, recorder);
            recording.open("pos-kecamatan");
            recording.await(By.id("day-call-next"));
            signIn(board, registrar);
            board.open("pos-kecamatan/papan");
            board.await(By.id("day-board-number"));

            for (String nik : niks) {
                later(5);
                register(desk, nik);
            }
            desk.awaitTextAnywhere("Nomor antrean L-002");
            look(desk, "registration, number given", findings);

            later(10);
            click(recording, By.id("day-call-next"));
            recording.awaitText(By.id("day-called"), "L-001");
            look(recording, "recording desk, called", findings);
            board.awaitText(By.id("day-board-number"), "L-001"); // the board follows the call by itself
            look(board, "board", findings);
            later(8);
            click(recording, By.id("day-recorded"));
            recording.await(By.cssSelector("a[id^='day-proof-']")); // the proof to print, offline
            click(recording, By.cssSelector("vaadin-button[id^='day-handed-']"));
            recording.awaitTextAnywhere("perekaman selesai");
            later(5);
            click(recording, By.id("day-call-next"));
            recording.awaitText(By.id("day-called"), "L-002");
            board.awaitText(By.id("day-board-number"), "L-002");
            click(recording, By.id("day-absent"));
            recording.awaitTextAnywhere("ditandai tidak hadir");
            later(30); // an hour of the clock since the link went

            click(desk, By.id("day-check-in"));
            type(desk, "#day-check-in-password input", PASSWORD);
            click(desk, By.id("day-check-in-send"));
            desk.awaitTextAnywhere("tidak terjangkau"); // the Dinas cannot be reached: nothing sent, nothing lost
            link.restore();
            click(desk, By.id("day-check-in-send")); // the dialog stays open with its password: once more
            desk.await(By.id("day-last-back"));
            desk.awaitTextAnywhere("sudah kembali ke Dinas");
            look(desk, "sent back", findings);
        }

        assertThat(jdbc.queryForList("""
                SELECT CONCAT(state, ' ', ticket) FROM recording_visit WHERE service_point = ? AND day = ?
                ORDER BY id""", String.class, point, day)).containsExactly("PROOF_HANDED L-001", "ABSENT L-002");
        assertThat(jdbc.queryForObject("SELECT state FROM recording_checkout WHERE service_point = ?", String.class,
                point)).isEqualTo("BACK");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outpost_day_resident", Integer.class)).isZero();
        assertThat(findings).isEmpty();
    }

    @Test
    void the_kecamatans_screens_and_the_supervisors_read_whole_at_a_desk_in_both_languages() throws Exception {
        LocalDate day = LocalDate.now(OFFICE).plusDays(642);
        clock.setInstant(day.atTime(7, 45).atZone(OFFICE).toInstant());
        String point = staffAccounts.servicePoint();
        String registrar = staffAccounts.create(java.util.Set.of(Role.REGISTRATION_OPERATOR), PASSWORD, point);
        String supervisor = staffAccounts.create(java.util.Set.of(Role.PLANNER), PASSWORD);
        List<String> niks = DayResidents.made(jdbc, day, 1);
        List<String> findings = new ArrayList<>();
        try (Browser desk = new Browser(port, 1440, 900); Browser office = new Browser(port, 1440, 900)) {
            signIn(desk, registrar);
            desk.chooseLanguage("English");
            desk.open("pos-kecamatan");
            look(desk, "en take", findings);
            type(desk, "#day-dinas input", link.dinas().toString());
            type(desk, "#day-password input", PASSWORD);
            click(desk, By.id("day-take"));
            desk.await(By.id("day-heading"));
            desk.awaitTextAnywhere("taken");
            type(desk, "#day-nik input", niks.getFirst());
            click(desk, By.id("day-find"));
            click(desk, By.id("day-begin"));
            desk.await(By.id("day-in-person"));
            look(desk, "en registration, documents", findings);
            click(desk, By.id("day-give-back"));
            desk.awaitTextAnywhere("returned"); // nothing ticked: returned, the reasons in the register
            for (String language : List.of("English", "Bahasa Indonesia")) {
                // The Dinas's own desk of the point says first that its day is out (where, by whom, since when).
                desk.chooseLanguage(language);
                desk.open("registrasi");
                desk.await(By.id("recording-day-out"));
                look(desk, language + " the Dinas's registration desk, its day out", findings);
            }
            signIn(office, supervisor);
            for (String language : List.of("English", "Bahasa Indonesia")) {
                office.chooseLanguage(language);
                office.open("perekaman/pos-luring");
                office.await(By.id("outpost-days-out"));
                office.awaitTextAnywhere(servicePoints.byCode(point).orElseThrow().name());
                look(office, language + " days at outposts", findings);
            }
            click(office, By.cssSelector("vaadin-button[id^='take-back-']"));
            office.await(By.cssSelector("vaadin-text-area textarea")).sendKeys("Laptop rusak terendam banjir");
            look(office, "take-back dialog", findings);
        }
        assertThat(findings).isEmpty();
    }

    /** SOP C step 2 at the desk: the NIK, the documents received and ticked, not recorded: a number. */
    private void register(Browser desk, String nik) {
        type(desk, "#day-nik input", nik);
        click(desk, By.id("day-find"));
        click(desk, By.id("day-begin"));
        click(desk, By.id("day-in-person"));
        desk.await(By.cssSelector("#day-documents vaadin-checkbox"));
        for (WebElement document : desk.driver.findElements(By.cssSelector("#day-documents vaadin-checkbox"))) {
            document.click();
        }
        click(desk, By.id("day-in-order"));
        click(desk, By.id("day-queue"));
        desk.awaitTextAnywhere("Nomor antrean L-");
    }

    private void later(int minutes) {
        clock.setInstant(clock.instant().plus(Duration.ofMinutes(minutes)));
    }

    private static void signIn(Browser browser, String username) {
        browser.signIn(username, PASSWORD);
        browser.await(By.tagName("vaadin-app-layout"));
        browser.awaitSettled();
    }

    private static void click(Browser browser, By button) {
        WebElement found = browser.await(button);
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", found);
        found.click();
    }

    private static void type(Browser browser, String input, String text) {
        browser.await(By.cssSelector(input)).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private static void look(Browser browser, String step, List<String> findings) {
        if (browser.driver.getCurrentUrl().contains("/papan")) {
            browser.awaitVaadinIdle(); // the board is the waiting room's screen, outside the staff shell
        } else {
            browser.awaitSettled();
        }
        findings.addAll(ScreenFindings.of(browser, "kecamatan", step));
    }
}
