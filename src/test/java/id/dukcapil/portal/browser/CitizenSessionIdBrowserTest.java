package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 52, item 7, as an attacker tries it: a second browser holding the session cookie the citizen's browser had
 * before signing in (planted, or read over a shoulder) opens the citizen's bookings. The session's id changes at the
 * sign-in and again at the sign-out, so the old cookie opens the sign-in page; the cookie of the signed-in session
 * itself does open Riwayat, which shows the second browser would have seen it.
 */
@PortalTest
class CitizenSessionIdBrowserTest {

    private static final String SESSION = "JSESSIONID";

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;

    @Test
    void the_session_id_before_the_sign_in_and_after_the_sign_out_opens_nobodys_bookings() {
        String email = support.newEmail();
        support.citizen(email);
        try (Browser citizen = new Browser(port, 390, 844); Browser attacker = new Browser(port, 390, 844)) {
            citizen.open("bds/masuk");
            citizen.await(By.cssSelector("#bds-email input")).sendKeys(email);
            String beforeSignIn = sessionOf(citizen);
            citizen.driver.findElement(By.cssSelector("#bds-password input")).sendKeys(BookingTestSupport.PASSWORD);
            citizen.driver.findElement(By.id("bds-sign-in")).click();
            citizen.await(By.id("bds-history"));
            String signedIn = sessionOf(citizen);
            assertThat(signedIn).as("the session id after the sign-in").isNotEqualTo(beforeSignIn);

            assertThat(historyWith(attacker, beforeSignIn)).as("Riwayat with the cookie from before the sign-in")
                    .isFalse();
            assertThat(historyWith(attacker, signedIn)).as("Riwayat with the signed-in session's cookie").isTrue();

            citizen.open("bds");
            citizen.await(By.id("bds-sign-out")).click();
            citizen.await(By.id("bds-open-sign-in"));
            assertThat(sessionOf(citizen)).as("the session id after the sign-out").isNotEqualTo(signedIn);
            assertThat(historyWith(attacker, signedIn)).as("Riwayat with the cookie from before the sign-out").isFalse();
        }
    }

    private static String sessionOf(Browser browser) {
        Cookie cookie = browser.driver.manage().getCookieNamed(SESSION);
        assertThat(cookie).as("the session cookie").isNotNull();
        return cookie.getValue();
    }

    /** Opens Riwayat in the browser with that session cookie alone: true when it shows the bookings' list. */
    private static boolean historyWith(Browser browser, String sessionId) {
        browser.open("bds");
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().addCookie(new Cookie(SESSION, sessionId, "/"));
        browser.open("bds/riwayat");
        // Whichever the server answers with: Riwayat's list, or the sign-in page it forwards a stranger to.
        return "bds-tickets".equals(browser.await(By.cssSelector("#bds-tickets, #bds-sign-in")).getAttribute("id"));
    }
}
