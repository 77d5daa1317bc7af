package id.dukcapil.portal.outpost;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.browser.Browser;
import id.dukcapil.portal.browser.ScreenFindings;
import id.dukcapil.portal.schoolvisit.OutpostScenes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outpost's screens as their users see them, in Chromium, in Bahasa Indonesia and in English: the field officer's
 * on a phone (390 × 844) — the take, the roster with its steps, a card's serial, the check-in, the lock — and the
 * supervisor's take-back from the calendar at a desk (1440 × 900). Nothing cut, no sideways scroll, nothing past the
 * window's edge, no code where words belong, a message after each action.
 */
@PortalTest
class OutpostScreensBrowserTest {

    @LocalServerPort int port;
    @Autowired OutpostScenes scenes;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @BeforeEach
    void no_visit_held() {
        // One outpost for the whole test JVM: a visit another test left out would hold it (one visit at a time).
        jdbc.update("UPDATE outpost_visit SET status = 'BACK' WHERE status <> 'BACK'");
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_outposts_screens_fit_a_phone_and_a_desk_in_both_languages() {
        List<String> findings = new ArrayList<>();
        for (String language : List.of("Bahasa Indonesia", "English")) {
            boolean english = language.equals("English");
            clock.reset(); // each scene on a day of its own, from today
            no_visit_held(); // the take-back below leaves its visit on this laptop: the next round is a laptop anew
            OutpostScenes.Scene scene = scenes.setOut(2, 1, 2);
            String tag = english ? "en" : "id";
            try (Browser phone = new Browser(port, 1440, 900)) {
                signIn(phone, scene.officer());
                phone.chooseLanguage(language); // the switch is in the shell's bar at a desk's width
                phone.resize(390, 844);
                phone.open("pos-lapangan");
                type(phone, "#outpost-dinas input", "http://127.0.0.1:" + port);
                type(phone, "#outpost-password input", OutpostScenes.PASSWORD);
                click(phone, By.id("outpost-find"));
                phone.await(By.cssSelector("vaadin-button[id^='outpost-take-']"));
                look(phone, tag + " phone, take", findings);
                click(phone, By.cssSelector("vaadin-button[id^='outpost-take-']"));
                phone.await(By.id("outpost-roster"));
                phone.awaitTextAnywhere(english ? "is taken" : "diambil");
                look(phone, tag + " phone, roster", findings);

                click(phone, By.cssSelector("vaadin-button[id^='outpost-absent-']"));
                phone.awaitTextAnywhere(english ? "Kept on this laptop" : "Tersimpan di laptop ini");
                click(phone, By.cssSelector("vaadin-button[id^='outpost-corrected-']"));
                phone.await(By.id("outpost-fix-note"));
                look(phone, tag + " phone, correction dialog", findings);
                type(phone, "#outpost-fix-name input", "Nama Sesuai Akta");
                type(phone, "#outpost-fix-note textarea", "Akta 6307-LT-0003");
                click(phone, By.id("outpost-fix-save"));
                phone.awaitTextAnywhere(english ? "waiting for the centre" : "menunggu pusat");
                click(phone, By.id("outpost-spoiled"));
                phone.await(By.id("outpost-card-serial"));
                look(phone, tag + " phone, spoiled card dialog", findings);
                type(phone, "#outpost-card-serial input", "RUSAK-" + tag.toUpperCase(Locale.ROOT));
                click(phone, By.id("outpost-card-save"));
                phone.awaitTextAnywhere(english ? "recorded as spoiled" : "dicatat rusak");

                click(phone, By.id("outpost-lock"));
                phone.await(By.id("outpost-unlock-password"));
                phone.awaitTextAnywhere(english ? "is locked" : "dikunci");
                look(phone, tag + " phone, locked", findings);
                type(phone, "#outpost-unlock-password input", OutpostScenes.PASSWORD);
                click(phone, By.id("outpost-unlock"));
                phone.await(By.id("outpost-roster"));

                click(phone, By.id("outpost-check-in"));
                phone.await(By.id("outpost-check-in-password"));
                look(phone, tag + " phone, check-in dialog", findings);
                type(phone, "#outpost-check-in-password input", OutpostScenes.PASSWORD);
                click(phone, By.id("outpost-check-in-send"));
                phone.await(By.id("outpost-last-back"));
                phone.awaitTextAnywhere(english ? "is back at the Dinas" : "sudah kembali ke Dinas");
                look(phone, tag + " phone, sent back", findings);
            }

            // A second visit out, for the supervisor's take-back at a desk.
            clock.reset();
            OutpostScenes.Scene lost = scenes.setOut(1, 0, 0);
            try (Browser phone = new Browser(port, 390, 844)) {
                signIn(phone, lost.officer());
                phone.open("pos-lapangan");
                type(phone, "#outpost-dinas input", "http://127.0.0.1:" + port);
                type(phone, "#outpost-password input", OutpostScenes.PASSWORD);
                click(phone, By.id("outpost-find"));
                click(phone, By.cssSelector("vaadin-button[id^='outpost-take-']"));
                phone.await(By.id("outpost-roster"));
            }
            try (Browser desk = new Browser(port, 1440, 900)) {
                signIn(desk, lost.plannerName());
                desk.chooseLanguage(language);
                desk.open("jadwal-sekolah");
                click(desk, By.id("visit-" + lost.visitId()));
                click(desk, By.id("visit-take-back"));
                desk.awaitTextAnywhere(english ? "lost, stolen or broken" : "hilang, dicuri atau rusak");
                desk.awaitTextAnywhere(english ? "The visit to " + lost.school().name() + " is the Dinas's again"
                        : "Kunjungan ke " + lost.school().name() + " kembali ke Dinas sekarang");
                look(desk, tag + " desk, take back", findings);
                List<org.openqa.selenium.WebElement> areas = desk.driver.findElements(
                        By.cssSelector("vaadin-text-area textarea"));
                areas.getLast().sendKeys("Laptop hilang di angkutan umum");
                desk.driver.findElements(By.cssSelector("vaadin-button[theme~='error']")).stream()
                        .filter(button -> button.getText().equals(english ? "Take back" : "Tarik kembali"))
                        .findFirst().orElseThrow().click();
                desk.awaitTextAnywhere(english ? "is back at the Dinas" : "kembali ke Dinas");
                look(desk, tag + " desk, taken back", findings);
            }
            assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE visit_id = ? "
                    + "ORDER BY id DESC LIMIT 1", String.class, lost.visitId())).isEqualTo("TAKEN_BACK");
        }
        assertThat(findings).isEmpty();
    }

    private static void signIn(Browser browser, String username) {
        browser.signIn(username, OutpostScenes.PASSWORD);
        browser.await(By.tagName("vaadin-app-layout"));
        browser.awaitSettled();
    }

    /** Taps a button as a user does: scrolled into the middle of the screen first, clear of the messages below. */
    private static void click(Browser browser, By button) {
        org.openqa.selenium.WebElement found = browser.await(button);
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", found);
        found.click();
    }

    /** Replaces a field's value as a user does (all selected, typed over). */
    private static void type(Browser browser, String input, String text) {
        browser.await(By.cssSelector(input)).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private static void look(Browser browser, String step, List<String> findings) {
        browser.awaitSettled();
        findings.addAll(ScreenFindings.of(browser, "outpost", step));
    }
}
