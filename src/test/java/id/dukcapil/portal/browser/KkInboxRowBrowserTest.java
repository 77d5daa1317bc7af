package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.kkprint.RequestState;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator's KK inbox in Chromium: the row's own button (Ambil) takes the request without opening it, a click on
 * the row opens it, and so does Enter on the focused row — what only a browser shows (decision 104).
 */
@PortalTest
class KkInboxRowBrowserTest {

    /** The open request dialogs' titles ("tracking number · state"). */
    private static final String OPEN_DIALOGS = """
            return [...document.querySelectorAll('vaadin-dialog')].filter(dialog => dialog.opened)
                .map(dialog => dialog.headerTitle || '');""";

    @LocalServerPort int port;
    @Autowired KkPrintTestSupport kk;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_rows_take_button_takes_the_request_without_opening_it_and_a_click_or_enter_on_the_row_opens_it() {
        String tracking = kk.submitted();
        long id = firstInTheInbox(tracking);

        try (Browser browser = new Browser(port, 1440, 900)) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn("operator", PortalTest.DEMO_PASSWORD);
            browser.await(By.tagName("h2"));
            browser.open("kk/operator");
            // Requests not taken yet come first, oldest first; the overdue ones alone put this one first.
            browser.await(By.id("kk-overdue-only")).click();

            browser.clickShown(By.id("claim-" + id)); // the row drawn for the filter, not the one it hid
            wait.until(driver -> (Boolean) browser.driver.executeScript(
                    "return document.body.innerText.includes('Permohonan diambil.');"));
            assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.IN_CHECK);
            assertThat(openDialogs(browser)).as("the button's click is the button's, not the row's").isEmpty();
            // Taken, step 6 starts now and the row leaves the overdue ones: made overdue again, shown again.
            firstInTheInbox(tracking);
            browser.await(By.id("kk-overdue-only")).click();
            browser.await(By.id("kk-overdue-only")).click();

            browser.clickShown(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + tracking + "']"));
            wait.until(driver -> !openDialogs(browser).isEmpty());
            assertThat(openDialogs(browser)).singleElement().asString().startsWith(tracking + " · ");

            new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
            wait.until(driver -> openDialogs(browser).isEmpty());
            // The keyboard's focus on the row's cell, then Enter.
            browser.driver.executeScript("arguments[0].assignedSlot.parentElement.focus();", browser.awaitShown(
                    By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + tracking + "']")));
            new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
            wait.until(driver -> !openDialogs(browser).isEmpty());
            assertThat(openDialogs(browser)).singleElement().asString().startsWith(tracking + " · ");
        }
    }

    /**
     * A click on a row's button while a redraw of the grid is on its way (here the clerk's own "reload", clicked just
     * before; in an office, as often, another desk's change pushed to the inbox) still takes the request: the
     * click names its row, not a button the redraw replaced (decision 163). Before, it was dropped without a word.
     */
    @Test
    void a_take_clicked_while_the_inbox_is_redrawn_still_takes_the_request() {
        String tracking = kk.submitted();
        long id = firstInTheInbox(tracking);

        try (Browser browser = new Browser(port, 1440, 900)) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn("operator", PortalTest.DEMO_PASSWORD);
            browser.await(By.tagName("h2"));
            browser.open("kk/operator");
            // Requests not taken yet come first, oldest first; the overdue ones alone put this one first.
            browser.await(By.id("kk-overdue-only")).click();
            browser.await(By.id("claim-" + id));

            browser.driver.executeScript("""
                    const reload = [...document.querySelectorAll('vaadin-button')]
                      .find(button => button.textContent.trim() === 'Muat ulang');
                    reload.click();
                    document.getElementById(arguments[0]).click();""", "claim-" + id);

            wait.until(driver -> (Boolean) browser.driver.executeScript(
                    "return document.body.innerText.includes('Permohonan diambil.');"));
            assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.IN_CHECK);
        }
    }

    /**
     * Issue 54, desks 1 and 2: a row over its standard is tinted red, its frozen cells (the row's buttons) stay opaque,
     * so that the cells scrolled under them do not show through ("Belum diambil" over "Ambil"); the step's clock is in
     * sight.
     */
    @Test
    void an_overdue_rows_frozen_cells_are_opaque_so_what_scrolls_under_them_does_not_show_through() {
        String tracking = kk.submitted();
        long id = firstInTheInbox(tracking);

        try (Browser browser = new Browser(port, 1440, 900)) {
            browser.signIn("operator", PortalTest.DEMO_PASSWORD);
            browser.await(By.tagName("h2"));
            browser.open("kk/operator");
            // Requests not taken yet come first, oldest first; the overdue ones alone put this one first.
            browser.await(By.id("kk-overdue-only")).click();
            browser.await(By.id("claim-" + id));
            // The filter's new rows drawn and laid out before they are measured: the button found first can be in
            // the rows the grid showed before the filter.
            browser.awaitSettled();
            WebElement take = browser.awaitShown(By.id("claim-" + id));

            @SuppressWarnings("unchecked")
            List<String> looks = (List<String>) browser.driver.executeScript("""
                    const cell = arguments[0].closest('vaadin-grid-cell-content').assignedSlot.parentElement;
                    const style = getComputedStyle(cell);
                    const part = cell.getAttribute('part') || '';
                    return [style.backgroundColor, style.backgroundImage, String(part.includes('frozen')), part];""",
                    take);
            assertThat(looks.get(2)).as("the take button's cell is frozen").isEqualTo("true");
            assertThat(looks.get(3)).as("the row is marked overdue").contains("overdue");
            assertThat(alpha(looks.get(0))).as("the frozen cell's own colour (%s) hides what scrolls under it",
                    looks.get(0)).isEqualTo(1.0);
            assertThat(looks.get(1)).as("the red tint lies over it").contains("gradient");

            // The step's clock, the row's second cell, in sight at 1440 px and not under the frozen buttons.
            @SuppressWarnings("unchecked")
            List<Object> clock = (List<Object>) browser.driver.executeScript("""
                    const buttons = arguments[0].closest('vaadin-grid-cell-content').assignedSlot.parentElement;
                    const cell = buttons.parentElement.children[1];
                    const box = cell.getBoundingClientRect();
                    const grid = buttons.getRootNode().host;
                    const area = grid.getBoundingClientRect();
                    const content = cell.querySelector('slot').assignedElements()[0];
                    const top = grid.shadowRoot.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                    return [content.textContent.trim(), box.left >= area.left && box.right <= area.right,
                        [cell, content].some(mine => mine === top || mine.contains(top))];""", take);
            assertThat((String) clock.get(0)).as("the step's clock").isNotBlank();
            assertThat(clock.get(1)).as("the clock %s lies within the grid", clock.get(0)).isEqualTo(true);
            assertThat(clock.get(2)).as("nothing lies over the clock %s", clock.get(0)).isEqualTo(true);
        }
    }

    /**
     * Issue 54, desks 1, the verifier's side: in the verification inbox (half the screen, beside the review) an overdue
     * row's step clock is frozen to the row's end; its cell stays opaque under the red tint, so the reason scrolled
     * under it does not lie over the clock, and the clock is in sight, nothing drawn over it.
     */
    @Test
    void an_overdue_row_in_the_verifiers_inbox_shows_its_clock_with_no_reason_over_it() {
        String tracking = kk.forwarded();
        firstInTheInbox(tracking);

        try (Browser browser = new Browser(port, 1440, 900)) {
            browser.signIn("verifikator", PortalTest.DEMO_PASSWORD);
            browser.await(By.tagName("h2"));
            browser.open("kk/verifier");
            WebElement number = browser.awaitShown(By.xpath(
                    "//vaadin-grid-cell-content[normalize-space(.)='" + tracking + "']"));
            browser.awaitSettled();
            // The grid scrolled to its row's end, as a verifier reading the clock would: the reason passes under it.
            browser.driver.executeScript("""
                    const grid = arguments[0].assignedSlot.getRootNode().host;
                    const table = grid.shadowRoot.querySelector('#table');
                    table.scrollLeft = table.scrollWidth;""", number);
            browser.awaitSettled();
            browser.screenshot("verifier-overdue-row");

            @SuppressWarnings("unchecked")
            List<Object> row = (List<Object>) browser.driver.executeScript("""
                    const row = arguments[0].assignedSlot.parentElement.parentElement;
                    const cells = [...row.children].filter(td => !td.hidden && td.getClientRects().length);
                    const clock = cells[cells.length - 1];
                    const grid = clock.getRootNode().host;
                    const area = grid.shadowRoot.querySelector('#table').getBoundingClientRect();
                    const box = clock.getBoundingClientRect();
                    const content = clock.querySelector('slot').assignedElements()[0];
                    const style = getComputedStyle(clock);
                    const top = grid.shadowRoot.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                    // Every other cell's text, where it is drawn inside the clock's box: it must be hidden under it.
                    const range = document.createRange();
                    const over = [];
                    for (const cell of cells.slice(0, -1)) {
                      const text = cell.querySelector('slot').assignedElements()[0];
                      if (!text || !text.textContent.trim()) continue;
                      range.selectNodeContents(text);
                      for (const rect of range.getClientRects()) {
                        const x = Math.max(rect.left, box.left) + 1, y = rect.top + rect.height / 2;
                        if (rect.right <= box.left + 1 || x > box.right) continue;
                        const shown = grid.shadowRoot.elementFromPoint(x, y);
                        if (shown === cell || cell.contains(shown)) over.push(text.textContent.trim());
                      }
                    }
                    return [content.textContent.trim(), String((cell => (cell.getAttribute('part') || ''))(clock)),
                        style.backgroundColor, box.left >= area.left - 1 && box.right <= area.right + 1,
                        [clock, content].some(mine => mine === top || mine.contains(top)), over];""", number);
            assertThat((String) row.get(0)).as("the step's clock").isNotBlank();
            assertThat((String) row.get(1)).as("the clock's cell is frozen on an overdue row")
                    .contains("frozen").contains("overdue");
            assertThat(alpha((String) row.get(2))).as("the clock cell's own colour (%s) hides what scrolls under it",
                    row.get(2)).isEqualTo(1.0);
            assertThat(row.get(3)).as("the clock %s lies within the grid", row.get(0)).isEqualTo(true);
            assertThat(row.get(4)).as("nothing lies over the clock %s", row.get(0)).isEqualTo(true);
            assertThat((List<?>) row.get(5)).as("no other cell's text is drawn over the clock").isEmpty();
        }
    }

    /** The alpha of a computed colour: rgb(…) is opaque, rgba(…, a) says its own. */
    private static double alpha(String color) {
        String[] parts = color.replaceAll("[^0-9.,]", "").split(",");
        return color.startsWith("rgba") ? Double.parseDouble(parts[3]) : 1.0;
    }

    /**
     * The request's id, made the furthest over its standard: the first row of the overdue ones (the tests show those
     * alone), in sight whatever else the inbox holds.
     */
    private long firstInTheInbox(String tracking) {
        long id = jdbc.queryForObject("SELECT id FROM kkprint_request WHERE tracking_number = ?", Long.class, tracking);
        jdbc.update("UPDATE kkprint_request SET step_due_at = ? WHERE id = ?",
                Timestamp.valueOf(LocalDateTime.of(2001, 1, 1, 0, 0)), id);
        return id;
    }

    @SuppressWarnings("unchecked")
    private static List<String> openDialogs(Browser browser) {
        return (List<String>) browser.driver.executeScript(OPEN_DIALOGS);
    }
}
