package id.dukcapil.portal.browser;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.ikd.IkdApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The IKD officer's desk in Chromium: its rows' buttons, as only a browser sends their clicks. */
@PortalTest
class IkdDeskRowBrowserTest {

    private static final String POINT = "MPP-SOREANG"; // the demo officer's point

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    /**
     * Two rows' "show QR" clicked at once, as a hurried officer does: the second click waits behind the first, whose
     * answer redraws the desk (a row changed meanwhile; in an office, as often, another desk's change pushed to it),
     * and still shows its citizen's code: the click names its row, not a button the redraw replaced (decision 163).
     * Before, it was dropped without a word and the first citizen's code stayed on the screen.
     */
    @Test
    void a_qr_clicked_while_the_desk_is_redrawn_still_shows_that_citizens_code() throws Exception {
        IkdApp phone = new IkdApp(port, jdbc);
        String first = phone.facePassed(POINT);
        String second = phone.facePassed(POINT);
        String secondName = jdbc.queryForObject("SELECT full_name FROM ikd_registration WHERE code = ?", String.class,
                second);

        try (Browser desk = new Browser(port, 1440, 900)) {
            desk.signIn("ikd", PortalTest.DEMO_PASSWORD);
            desk.await(By.tagName("h2"));
            desk.open("ikd");
            // The newest registrations are the desk's last rows: scrolled to, as the officer does.
            new WebDriverWait(desk.driver, Duration.ofSeconds(60)).until(driver -> (Boolean) desk.driver.executeScript("""
                    const grid = document.querySelector('vaadin-grid');
                    if (!grid) return false;
                    grid.scrollToIndex(grid.size - 1);
                    return !!document.getElementById('qr-' + arguments[0])
                      && !!document.getElementById('qr-' + arguments[1]);""", first, second));
            // A change the desk has not been told of: the first click's answer redraws the rows.
            jdbc.update("UPDATE ikd_registration SET face_attempts = face_attempts + 1 WHERE code = ?", first);

            desk.driver.executeScript("""
                    document.getElementById('qr-' + arguments[0]).click();
                    document.getElementById('qr-' + arguments[1]).click();""", first, second);

            desk.awaitText(By.cssSelector(".ikd-qr h3"), secondName);
        }
    }
}
