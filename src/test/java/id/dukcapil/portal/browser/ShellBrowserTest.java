package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff shell in Chromium (issue 54): the keyboard's first stop is a link past the menu's entries to the page's
 * own work, seen only while it has the focus; who is signed in stays in sight below the longest menu.
 */
@PortalTest
class ShellBrowserTest {

    @LocalServerPort int port;

    private static boolean clipped(Browser desk, org.openqa.selenium.WebElement element) {
        return (Boolean) desk.driver.executeScript("return getComputedStyle(arguments[0]).clipPath !== 'none';",
                element);
    }

    @Test
    void the_first_tab_offers_to_skip_the_menu_and_enter_goes_to_the_page() {
        try (Browser desk = new Browser(port, 1440, 900)) {
            // The walks' own checks find nothing of it: not cut, not outside the window.
            desk.signIn("admin", PortalTest.DEMO_PASSWORD);
            desk.await(By.tagName("h2"));
            desk.open("staff");
            desk.await(By.id("skip-to-content"));
            desk.awaitSettled();
            assertThat(desk.cutTexts("body")).noneMatch(cut -> cut.contains("skip-to-content"));
            assertThat(desk.controlsOutsideTheWindow()).noneMatch(out -> out.contains("Langsung ke isi"));
            var skip = desk.driver.findElement(By.id("skip-to-content"));
            assertThat(clipped(desk, skip)).as("out of sight before the keyboard reaches it").isTrue();

            desk.driver.executeScript("document.activeElement && document.activeElement.blur(); window.focus();");
            new Actions(desk.driver).sendKeys(Keys.TAB).perform();
            assertThat(desk.driver.executeScript("return document.activeElement.id")).isEqualTo("skip-to-content");
            assertThat(clipped(desk, skip)).as("seen while it has the focus").isFalse();
            assertThat(skip.getSize().getWidth()).isGreaterThan(40);

            new Actions(desk.driver).sendKeys(Keys.ENTER).perform();
            desk.awaitVaadinIdle();
            assertThat(desk.driver.executeScript("""
                    const focused = document.activeElement;
                    return !!focused && !!focused.closest('vaadin-app-layout > :not([slot])');"""))
                    .as("the focus is in the page's content, past the menu").isEqualTo(true);
        }
    }

    @Test
    void the_user_card_stays_in_sight_below_an_admins_whole_menu_at_900_px() {
        try (Browser desk = new Browser(port, 1440, 900)) {
            desk.signIn("admin", PortalTest.DEMO_PASSWORD);
            desk.await(By.tagName("h2"));
            desk.awaitSettled();
            Object seen = desk.driver.executeScript("""
                    const card = document.querySelector('.user-card');
                    const box = card.getBoundingClientRect();
                    const at = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                    return box.bottom <= window.innerHeight && box.top >= 0 && !!at && card.contains(at);""");
            assertThat(seen).as("the user card whole on the screen, nothing over it").isEqualTo(true);
        }
    }
}
