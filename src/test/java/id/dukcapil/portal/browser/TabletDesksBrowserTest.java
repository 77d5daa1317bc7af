package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The desks used on an upright tablet (800 × 1280), in Chromium: nothing past the screen's edge and no sideways
 * scroll (issue 54, desks item 5: the registration desk's "Antrekan lagi" and "Tutup hari" were off the screen).
 */
@PortalTest
class TabletDesksBrowserTest {

    @LocalServerPort int port;

    @Test
    void the_registration_desk_on_a_tablet_has_its_register_and_buttons_in_sight() {
        try (Browser tablet = new Browser(port, 800, 1280)) {
            tablet.signIn("registrasi", PortalTest.DEMO_PASSWORD);
            tablet.await(By.tagName("h2"));
            tablet.open("registrasi");
            tablet.await(By.id("recording-close-day"));
            tablet.awaitSettled();
            assertThat(tablet.scrollsSideways()).as("sideways scroll").isFalse();
            assertThat(tablet.controlsOutsideTheWindow()).as("controls past the screen's edge").isEmpty();
            assertThat(tablet.rowActionsOutOfSight()).as("row actions out of sight").isEmpty();
        }
    }
}
