package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SigningRequest;
import id.dukcapil.portal.signing.SigningTestSupport;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The Kepala Dinas's queue at a desk (1440 × 900), in both languages: a school's handover record under its own terms
 * beside a family card, and the preview's decision, sign or send back, in sight without scrolling.
 */
@PortalTest
class SigningQueueBrowserTest {

    @LocalServerPort int port;
    @Autowired SigningTestSupport support;
    @Autowired SigningQueue signingQueue;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_head_reads_each_document_in_its_own_terms_and_decides_in_the_preview() {
        long card = SignedInAs.call(users, "kadis", () -> support.queueFamily());
        long record = SignedInAs.call(users, "kadis", () -> signingQueue.submit(new SigningRequest("SCHOOL_HANDOVER",
                "990002", "BAST_KTP", "BAST", "BAST/20212346/0001", "SMA Negeri 2 Soreang", "20212346",
                Instant.now())).value());
        // Both at the top of the queue, the earliest due first, as the head meets the overdue ones.
        jdbc.update("UPDATE signing_document SET due_at = ? WHERE id IN (?, ?)", Timestamp.valueOf("2001-01-01 00:00:00"),
                card, record);
        String cardNumber = jdbc.queryForObject("SELECT number FROM signing_document WHERE id = ?", String.class, card);
        try (Browser desk = new Browser(port, 1440, 900)) {
            DemoStaff.signIn(desk, "kadis", jdbc);
            for (String language : List.of("id", "en")) {
                desk.driver.manage().addCookie(new Cookie("portal-lang", language));
                desk.open("signing");
                desk.awaitSettled();
                desk.screenshot("signing-queue-" + language);
                String queue = (String) desk.driver.executeScript("return document.body.innerText;");
                assertThat(queue).as(language + ": the record under its school and NPSN")
                        .contains("SMA Negeri 2 Soreang", "NPSN 20212346")
                        .doesNotContain("****2346");

                desk.driver.executeScript("""
                        const number = arguments[0];
                        const contents = [...document.querySelectorAll('vaadin-grid-cell-content')];
                        const row = contents.find(c => c.textContent.trim() === number).assignedSlot.parentElement.parentElement;
                        contents.filter(c => c.assignedSlot && c.assignedSlot.parentElement.parentElement === row)
                          .flatMap(c => [...c.querySelectorAll('vaadin-button')])[0].click();""", cardNumber);
                desk.await(By.id("signing-preview-sign"));
                desk.awaitSettled();
                desk.screenshot("signing-preview-" + language);
                for (String button : List.of("signing-preview-passphrase", "signing-preview-sign", "signing-preview-return")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> box = (Map<String, Object>) desk.driver.executeScript("""
                            const box = document.getElementById(arguments[0]).getBoundingClientRect();
                            return { top: box.top, bottom: box.bottom, left: box.left, right: box.right,
                                     width: innerWidth, height: innerHeight };""", button);
                    assertThat(((Number) box.get("bottom")).doubleValue()).as(language + ": " + button + " in sight")
                            .isLessThanOrEqualTo(((Number) box.get("height")).doubleValue());
                    assertThat(((Number) box.get("right")).doubleValue())
                            .isLessThanOrEqualTo(((Number) box.get("width")).doubleValue());
                    assertThat(((Number) box.get("top")).doubleValue()).isPositive();
                }
                assertThat(desk.cutTexts("vaadin-dialog")).as(language + ": nothing cut in the preview").isEmpty();
            }
        } finally {
            SignedInAs.run(users, "kadis", () -> {
                signingQueue.returnToVerifier(card, "Uji layar");
                signingQueue.returnToVerifier(record, "Uji layar");
            });
        }
    }

    /**
     * The batch's end reaches the head's screen as it comes, pushed (decision 164): with the page's polling stopped
     * (every timer it would set never fires) the result is still shown, and the document is signed.
     */
    @Test
    void the_batchs_end_is_pushed_to_the_heads_screen_without_waiting_for_a_poll() {
        long card = SignedInAs.call(users, "kadis", () -> support.queueFamily());
        String cardNumber = jdbc.queryForObject("SELECT number FROM signing_document WHERE id = ?", String.class, card);
        jdbc.update("UPDATE signing_document SET due_at = ? WHERE id = ?", Timestamp.valueOf("2001-01-01 00:00:00"), card);
        try (Browser desk = new Browser(port, 1440, 900)) {
            DemoStaff.signIn(desk, "kadis", jdbc);
            desk.driver.manage().addCookie(new Cookie("portal-lang", "id"));
            desk.open("signing");
            desk.awaitSettled();
            // Only this card chosen: its row's selection box.
            desk.driver.executeScript("""
                    const contents = [...document.querySelectorAll('vaadin-grid-cell-content')];
                    const row = contents.find(c => c.textContent.trim() === arguments[0]).assignedSlot.parentElement.parentElement;
                    contents.filter(c => c.assignedSlot && c.assignedSlot.parentElement.parentElement === row)
                      .flatMap(c => [...c.querySelectorAll('vaadin-checkbox')])[0].click();""", cardNumber);
            desk.await(By.cssSelector("#signing-passphrase input")).sendKeys(SigningTestSupport.PASSPHRASE);
            desk.awaitSettled();
            desk.driver.executeScript("window.setInterval = () => 0;"); // the progress poll never fires
            desk.await(By.id("signing-sign")).click();

            new org.openqa.selenium.support.ui.WebDriverWait(desk.driver, java.time.Duration.ofSeconds(30))
                    .until(driver -> (Boolean) desk.driver.executeScript(
                            "return document.body.innerText.includes('Batch selesai: 1 ditandatangani');"));
            assertThat(jdbc.queryForObject("SELECT state FROM signing_document WHERE id = ?", String.class, card))
                    .isEqualTo("SIGNED");
        }
    }

    /** Issue 54, item 7: the head types the passphrase and presses Enter, and the chosen card is signed. */
    @Test
    void enter_in_the_passphrase_signs_what_the_head_chose() {
        long card = SignedInAs.call(users, "kadis", () -> support.queueFamily());
        String cardNumber = jdbc.queryForObject("SELECT number FROM signing_document WHERE id = ?", String.class, card);
        jdbc.update("UPDATE signing_document SET due_at = ? WHERE id = ?", Timestamp.valueOf("2001-01-01 00:00:00"), card);
        try (Browser desk = new Browser(port, 1440, 900)) {
            DemoStaff.signIn(desk, "kadis", jdbc);
            desk.driver.manage().addCookie(new Cookie("portal-lang", "id"));
            desk.open("signing");
            desk.awaitSettled();
            desk.driver.executeScript("""
                    const contents = [...document.querySelectorAll('vaadin-grid-cell-content')];
                    const row = contents.find(c => c.textContent.trim() === arguments[0]).assignedSlot.parentElement.parentElement;
                    contents.filter(c => c.assignedSlot && c.assignedSlot.parentElement.parentElement === row)
                      .flatMap(c => [...c.querySelectorAll('vaadin-checkbox')])[0].click();""", cardNumber);
            desk.await(By.cssSelector("#signing-passphrase input"))
                    .sendKeys(SigningTestSupport.PASSPHRASE + org.openqa.selenium.Keys.ENTER);

            new org.openqa.selenium.support.ui.WebDriverWait(desk.driver, java.time.Duration.ofSeconds(60))
                    .until(driver -> "SIGNED".equals(jdbc.queryForObject(
                            "SELECT state FROM signing_document WHERE id = ?", String.class, card)));
        }
    }
}
