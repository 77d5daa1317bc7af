package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.ikd.IkdApp;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The IKD officer's desk in Chromium: its rows' buttons, as only a browser sends their clicks. */
@PortalTest
class IkdDeskRowBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired StaffAccounts staff;

    /**
     * A point of its own for each test, with an officer of its own: the demo officer's desk holds every other test's
     * waiting registrations (the desk lists 200), among which two new rows need not even be listed.
     */
    String point;
    String officer;

    @BeforeEach
    void a_point_of_its_own_with_an_officer() {
        point = staff.servicePoint();
        officer = staff.create(Set.of(Role.IKD_OFFICER), PortalTest.DEMO_PASSWORD, point);
    }

    /**
     * Two rows' "show QR" clicked at once, as a hurried officer does: the second click waits behind the first, whose
     * answer redraws the desk (a row changed meanwhile; in an office, as often, another desk's change pushed to it),
     * and still shows its citizen's code: the click names its row, not a button the redraw replaced (decision 163).
     * Before, it was dropped without a word and the first citizen's code stayed on the screen.
     */
    @Test
    void a_qr_clicked_while_the_desk_is_redrawn_still_shows_that_citizens_code() throws Exception {
        IkdApp phone = new IkdApp(port, jdbc);
        String first = phone.facePassed(point);
        String second = phone.facePassed(point);
        String secondName = jdbc.queryForObject("SELECT full_name FROM ikd_registration WHERE code = ?", String.class,
                second);

        try (Browser desk = new Browser(port, 1440, 900)) {
            desk.signIn(officer, PortalTest.DEMO_PASSWORD);
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

    /**
     * A citizen who registers while the desk is open and was empty when it opened: the row's button is whole inside the
     * grid. The buttons' column had been measured on the empty grid, 17 px wide, and the button sat past its edge until
     * a reload (issue 54).
     */
    @Test
    void a_row_that_comes_to_a_desk_opened_empty_shows_its_button_whole() throws Exception {
        IkdApp phone = new IkdApp(port, jdbc);

        try (Browser desk = new Browser(port, 1440, 900)) {
            desk.signIn(officer, PortalTest.DEMO_PASSWORD);
            desk.await(By.tagName("h2"));
            desk.open("ikd");
            desk.await(By.tagName("vaadin-grid"));
            String code = phone.facePassed(point);
            WebElement button = desk.await(By.id("qr-" + code)); // pushed to the open desk
            new WebDriverWait(desk.driver, Duration.ofSeconds(10)).until(driver -> (Boolean) desk.driver.executeScript("""
                    const b = arguments[0].getBoundingClientRect();
                    const g = document.querySelector('vaadin-grid').getBoundingClientRect();
                    return b.width > 60 && b.left >= g.left && b.right <= g.right + 0.5;""", button));
            assertThat(desk.rowActionsOutOfSight()).isEmpty();
        }
    }
}
