package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The error pages in Chromium (issue 54, item 11; decision 191): a citizen on a wrong BDS address is led to the BDS
 * start; an anonymous visitor of a staff view still meets the sign-in; the operator on the Kepala Dinas's signing
 * screen is told, in Bahasa Indonesia and then in English, that the page is not for their account, with the way home
 * focused; an unknown address gets the "not found" page, where before a signed-in clerk got a 403 with an empty body
 * (Chromium: ERR_INVALID_RESPONSE). The HTTP status the pages give Vaadin (403, 404) does not reach the browser here:
 * Vaadin draws the view in a request after the page's own, which answers 200 (decision 191).
 */
@PortalTest
class ErrorPagesBrowserTest {

    /** The focused element's text, where it is the error page's way on. */
    private static final String FOCUSED_WAY_ON = """
            const focused = document.activeElement;
            return focused && focused.classList.contains('error-page-next') ? focused.textContent : null;""";

    @LocalServerPort int port;

    @Test
    void the_operator_on_the_signing_screen_is_told_in_both_languages_and_an_unknown_address_is_not_found() {
        try (Browser browser = new Browser(port, 1440, 900)) {
            // A citizen on a BDS address that leads nowhere: the page says so and leads to the BDS start.
            browser.open("bds/tidak-ada");
            browser.awaitText(By.cssSelector(".not-found-page h2"), "Halaman tidak ditemukan");
            assertThat(browser.driver.findElement(By.cssSelector("a.error-page-next")).getText())
                    .isEqualTo("Ke halaman awal BDS");

            browser.open("signing");
            browser.await(By.cssSelector("vaadin-login-form"));
            assertThat(browser.driver.getCurrentUrl()).as("an anonymous visitor of a staff view is asked to sign in")
                    .doesNotContain("signing");

            browser.signIn("operator", PortalTest.DEMO_PASSWORD);
            browser.awaitLeft("login");
            browser.open("signing");
            browser.awaitText(By.cssSelector(".not-allowed-page h2"), "Halaman ini bukan untuk akun Anda");
            browser.awaitSettled();
            assertThat(browser.driver.findElement(By.cssSelector(".not-allowed-page p")).getText())
                    .contains("/signing");
            assertThat(browser.driver.executeScript(FOCUSED_WAY_ON)).isEqualTo("Ke beranda");
            assertThat(browser.driver.getTitle()).isEqualTo("Halaman ini bukan untuk akun Anda · Dukcapil Portal");

            browser.chooseLanguage("English");
            browser.awaitText(By.cssSelector(".not-allowed-page h2"), "This page is not for your account");
            assertThat(browser.driver.findElement(By.cssSelector(".not-allowed-page p")).getText()).isEqualTo(
                    "Your account may not open /signing. If your work needs it, ask the administrator for that role.");
            assertThat(browser.driver.findElement(By.cssSelector("a.error-page-next")).getText())
                    .isEqualTo("Go to your home page");

            browser.open("tidak-ada-di-portal");
            browser.awaitText(By.cssSelector(".not-found-page h2"), "Page not found");
            browser.awaitSettled();
            assertThat(browser.driver.findElement(By.cssSelector(".not-found-page p")).getText())
                    .contains("/tidak-ada-di-portal");
            assertThat(browser.driver.getTitle()).isEqualTo("Page not found · Dukcapil Portal");

            // The way on has the keyboard: Enter takes the clerk home.
            assertThat(browser.driver.executeScript(FOCUSED_WAY_ON)).isEqualTo("Go to your home page");
            new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
            browser.awaitText(By.tagName("h2"), "Welcome, ");
        }
    }
}
