package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pickers at 1440 × 900 in Chromium, in Bahasa Indonesia and in English: the header's language switch shows
 * "Bahasa Indonesia" whole, every item of a combo box (the service points on the quota calendar, the stock, the
 * reports…) fits its field when chosen — the input's text no wider than the input — and so does a text field's
 * placeholder (the counter's "scan the barcode…").
 */
@PortalTest
class FieldsFitBrowserTest {

    private static final Map<String, List<String>> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("admin", List.of("quota-calendar", "blanko", "booking-for-resident", "reports", "sla", "outbox"));
        VIEWS.put("cetak", List.of("counter"));
    }

    /**
     * {@code cut}: each select whose shown value is wider than its button, each empty text field's placeholder and each
     * combo-box item that would be wider than the input once shown there (each is put in the input in turn, then the
     * input's own value again);
     * {@code measured}: every text measured; {@code control}: whether a text far too long for the first combo box is
     * found cut, as it must be.
     */
    private static final String MEASURE = """
            const done = arguments[arguments.length - 1];
            const wait = ms => new Promise(resolve => setTimeout(resolve, ms));
            const wider = el => el.scrollWidth > el.clientWidth + 1;
            const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            (async () => {
              const cut = [];
              const measured = [];
              for (const select of document.querySelectorAll('vaadin-select')) {
                const button = select.querySelector('vaadin-select-value-button');
                if (!visible(select) || !button) continue;
                const item = button.querySelector('vaadin-select-item, vaadin-item');
                measured.push(button.textContent.trim());
                if (wider(button) || (item && wider(item))) cut.push('select: ' + button.textContent.trim());
              }
              for (const field of document.querySelectorAll('vaadin-text-field')) {
                const input = field.querySelector('input');
                if (!visible(field) || !input || !field.placeholder || input.value) continue;
                measured.push(field.placeholder);
                input.value = field.placeholder;
                if (wider(input)) cut.push('placeholder ' + (field.label || field.id) + ': ' + field.placeholder);
                input.value = '';
              }
              let control = 'no combo box';
              for (const box of document.querySelectorAll('vaadin-combo-box')) {
                const input = box.querySelector('input');
                if (!visible(box) || !input) continue;
                box.opened = true;
                // Flow fills the list with placeholders first, then the items (each with its label) from the server.
                const loaded = () => (box.filteredItems || []).filter(item => item && item.label !== undefined);
                for (let i = 0; i < 50 && loaded().length === 0; i++) await wait(100);
                const labels = loaded().map(item => String(item.label));
                box.opened = false;
                const before = input.value;
                for (const label of labels) {
                  measured.push(label);
                  input.value = label;
                  if (wider(input)) cut.push('combo box ' + (box.label || box.id || box.placeholder) + ': ' + label);
                }
                if (control === 'no combo box') {
                  input.value = 'W'.repeat(200);
                  control = wider(input) ? 'found' : 'missed';
                }
                input.value = before;
              }
              done({cut, measured, control});
            })();""";

    @LocalServerPort int port;

    @Test
    void every_picker_shows_its_longest_item_whole_at_1440_px_in_both_languages() {
        List<String> cut = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        List<String> controls = new ArrayList<>();
        VIEWS.forEach((user, routes) -> {
            try (Browser browser = new Browser(port, 1440, 900)) {
                browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
                browser.signIn(user, PortalTest.DEMO_PASSWORD);
                browser.await(By.tagName("h2"));
                for (String language : List.of("id", "en")) {
                    browser.driver.manage().addCookie(new Cookie("portal-lang", language));
                    for (String route : routes) {
                        browser.open(route);
                        browser.await(By.tagName("vaadin-app-layout"));
                        browser.await(By.cssSelector("vaadin-select.language-switch"));
                        @SuppressWarnings("unchecked")
                        Map<String, Object> found = (Map<String, Object>) browser.driver.executeAsyncScript(MEASURE);
                        String where = language + " " + user + " /" + route + ": ";
                        ((List<?>) found.get("cut")).forEach(line -> cut.add(where + line));
                        ((List<?>) found.get("measured")).forEach(text -> measured.add(language + " " + text));
                        controls.add(where + found.get("control"));
                    }
                }
            }
        });
        cut.forEach(System.out::println);
        assertThat(measured).as("the switch and the longest service point's name, in both languages, were measured")
                .contains("id Bahasa Indonesia", "en English", "id Mal Pelayanan Publik Kabupaten Bandung",
                        "en Mal Pelayanan Publik Kabupaten Bandung", "id Pindai barcode atau ketik kode lalu Enter",
                        "en Scan the barcode or type the code, then Enter");
        assertThat(controls).as("the measure finds a text too long for its field")
                .anySatisfy(line -> assertThat(line).endsWith(": found"))
                .noneSatisfy(line -> assertThat(line).endsWith(": missed"));
        assertThat(cut).isEmpty();
    }
}
