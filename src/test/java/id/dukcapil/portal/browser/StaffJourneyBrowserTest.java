package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What only a real browser shows: the sign-in form posting to Spring Security, the shell drawn on a laptop
 * screen, the admin views, and signing out. Its screenshots are the README's.
 */
@PortalTest
class StaffJourneyBrowserTest {

    @LocalServerPort int port;

    @Test
    void an_admin_signs_in_finds_the_accounts_and_the_log_and_signs_out() {
        try (Browser browser = new Browser(port, 1366, 800)) {
            browser.open("login");
            browser.await(By.cssSelector("vaadin-login-form"));
            browser.screenshot("login");

            browser.signIn("admin", PortalTest.DEMO_PASSWORD);
            browser.awaitText(By.tagName("h2"), "Selamat datang, Rina Marlina");
            assertThat(browser.driver.findElement(By.id("main-nav")).getText()).contains("Akun Petugas", "Log Aktivitas");
            browser.screenshot("home-admin");

            browser.open("staff");
            browser.awaitText(By.tagName("vaadin-grid"), "kadis");
            browser.screenshot("staff-accounts");

            browser.open("audit");
            browser.awaitText(By.tagName("vaadin-grid"), "Masuk (petugas)");
            browser.screenshot("audit-log");

            browser.driver.findElement(By.id("sign-out")).click();
            browser.await(By.cssSelector("vaadin-login-form"));
            browser.open("staff");
            browser.await(By.cssSelector("vaadin-login-form"));
            assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        }
    }

    /**
     * The app manifest is fetched in the signed-in session: fetched without cookies, its answer set a new session's
     * cookie, and when that came after the sign-in's redirect the clerk was back at the sign-in page.
     */
    @Test
    void no_answer_to_the_manifest_starts_a_session_of_its_own_that_would_replace_the_signed_in_one() {
        try (Browser browser = Browser.recordingNetwork(port, 1366, 800)) {
            browser.signIn("admin", PortalTest.DEMO_PASSWORD);
            browser.await(By.tagName("h2"));
            assertThat(browser.driver.executeScript("return document.querySelector('link[rel=manifest]').crossOrigin"))
                    .isEqualTo("use-credentials");
            browser.awaitTextAnywhere("Selamat datang");
            assertThat(browser.cookiesSetByAnswersTo("manifest.webmanifest"))
                    .as("cookies set by the answers to the manifest, on the sign-in page and at home").isEmpty();
        }
    }

    @Test
    void a_wrong_password_keeps_the_user_out_with_a_message() {
        try (Browser browser = new Browser(port, 1024, 768)) {
            browser.signIn("operator", "salah-sekali");
            browser.awaitText(By.cssSelector("vaadin-login-form"), "Nama pengguna atau kata sandi salah");
            assertThat(browser.driver.getCurrentUrl()).contains("/login?error");
        }
    }
}
