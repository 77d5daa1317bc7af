package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.recording.RecordingDesk;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The waiting room's TV: the display board changes, without a reload, when a recording desk calls a number, and
 * asks the browser to say it with its desk; while nobody calls, it asks the server nothing (decision 139: the call
 * is pushed to it).
 */
@PortalTest
class QueueBoardBrowserTest {

    @LocalServerPort int port;
    @Autowired RegistrationDesk registration;
    @Autowired RecordingDesk recording;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_called_number_shows_on_the_board_with_its_desk_and_is_said_with_it() throws InterruptedException {
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), "Sandi-Kuat-2026"); // at the Dinas
        String recorder = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), "Sandi-Kuat-2026");
        String nik = RecordingTestSupport.residentsToRecord(jdbc, LocalDate.now(ZoneId.of("Asia/Jakarta")), 1)
                .getFirst();
        try (Browser tv = new Browser(port, 1280, 720)) {
            tv.open("antrean/DINAS");
            tv.awaitText(By.tagName("h1"), "Antrean perekaman KTP-el");
            long asked = requestsToTheServer(tv);
            pageTimeRuns(tv, 3_000);
            assertThat(requestsToTheServer(tv)).as("a quiet board asks nothing in three seconds of its own time")
                    .isEqualTo(asked);
            // The browser's synthesiser still speaks; the page notes what it was asked to say.
            tv.driver.executeScript("""
                    window.__spoken = [];
                    const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
                    window.speechSynthesis.speak = words => { window.__spoken.push(words.text); speak(words); };""");
            Visit queued = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik));
            Visit called;
            do { // numbers of other tests at the Dinas may wait before it
                called = SignedInAs.call(users, recorder, () -> recording.callNext("Meja 7")).orElseThrow();
            } while (called.id() != queued.id());
            long calledAt = System.nanoTime();
            tv.awaitText(By.id("board-number"), queued.ticket());
            long millisToBoard = (System.nanoTime() - calledAt) / 1_000_000;
            tv.awaitText(By.id("board-desk"), "Meja 7");
            System.out.printf("BOARD call → board %d ms%n", millisToBoard);
            assertThat(millisToBoard).as("the call on the board").isLessThan(2_000);
            String words = "Nomor antrean " + String.join(" ", queued.ticket().replace("-", "").split(""))
                    + ", silakan ke Meja 7";
            assertThat(tv.driver.executeScript("return window.__spoken;")).as("said with its desk")
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains(words);
            tv.screenshot("queue-board");
            assertThat(tv.driver.findElement(By.tagName("body")).getText()).doesNotContain(queued.fullName());
        }
    }

    /**
     * Issue 54, item 9: the clerk marks the called number absent at the desk; the board in the waiting room stops
     * sending anyone to that desk with it (the next call or nothing shows), by push, and the desk says so.
     */
    @Test
    void a_number_marked_absent_at_the_desk_leaves_the_board_and_the_desk_says_so() {
        String nik = RecordingTestSupport.residentsToRecord(jdbc, LocalDate.now(ZoneId.of("Asia/Jakarta")), 1)
                .getFirst();
        Visit queued = SignedInAs.call(users, "registrasi", () -> RecordingTestSupport.queued(registration, nik));
        SignedInAs.call(users, "perekaman", () -> {
            Visit called;
            do { // numbers of other tests at the point may wait before it
                called = recording.callNext("Meja 1").orElseThrow();
            } while (called.id() != queued.id());
            return recording.recall(queued.id()); // the desk's latest call, the one it reopens on
        });
        try (Browser tv = new Browser(port, 1280, 720); Browser desk = new Browser(port, 1440, 900)) {
            tv.open("antrean/" + queued.servicePoint());
            tv.awaitText(By.id("board-number"), queued.ticket());
            desk.signIn("perekaman", PortalTest.DEMO_PASSWORD);
            desk.await(By.tagName("h2"));
            desk.open("perekaman");
            desk.awaitText(By.id("recording-called"), queued.ticket());

            desk.await(By.id("recording-absent")).click();

            desk.awaitTextAnywhere("Nomor " + queued.ticket() + " ditandai tidak hadir");
            tv.awaitTextGone(By.id("board-number"), queued.ticket());
            assertThat(tv.driver.findElement(By.id("board-earlier")).getText()).as("nor among the earlier calls")
                    .doesNotContain(queued.ticket());
        }
    }

    /** The page's requests to Vaadin so far (a poll is one; the pushed changes come over the open socket). */
    /**
     * Until the page's own timers have run {@code millis}: a board that polled would have asked by then, however
     * slowly the machine ran (a fixed sleep on a stalled machine would prove nothing).
     */
    private static void pageTimeRuns(Browser page, long millis) {
        page.driver.executeScript("""
                window.__ticks = 0;
                window.__ticking = setInterval(() => window.__ticks++, 100);""");
        new WebDriverWait(page.driver, Duration.ofSeconds(30)).until(
                driver -> ((Number) page.driver.executeScript("return window.__ticks;")).longValue() >= millis / 100);
        page.driver.executeScript("clearInterval(window.__ticking);");
    }

    private static long requestsToTheServer(Browser page) {
        return (Long) page.driver.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(entry => entry.name.includes('v-r=uidl')).length;");
    }
}
