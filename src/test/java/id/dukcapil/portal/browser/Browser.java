package id.dukcapil.portal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver: nothing is downloaded. Screenshots go to
 * target/screenshots, or to the folder named by {@code -Dportal.screenshots=docs/screenshots} (the README's).
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * A script's first lines: {@code busy()}, whether Vaadin has a request under way, a grid is loading rows or the
     * page's frame (the staff shell, the public pages' column, the sign-in page) is not drawn yet.
     */
    static final String BUSY = """
            const busy = () => {
              const clients = (window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {};
              return Object.values(clients).some(client => client.isActive && client.isActive())
                || [...document.querySelectorAll('vaadin-grid')].some(grid => grid.hasAttribute('loading'))
                || !document.querySelector('vaadin-app-layout, .public-page, .login-view');
            };
            """;

    /** Answers true once the page is settled (see {@link #awaitSettled()}), false when it is not yet. */
    private static final String SETTLED = BUSY + """
            const done = arguments[arguments.length - 1];
            if (busy()) { done(false); return; }
            requestAnimationFrame(() => requestAnimationFrame(() => done(!busy())));""";

    private static final String CLICK_MENU = BUSY + """
            const route = arguments[0], done = arguments[arguments.length - 1];
            const layout = document.querySelector('vaadin-app-layout');
            const content = () => [...layout.children].find(child => !child.slot);
            const before = content();
            const entry = [...document.querySelectorAll('#main-nav vaadin-side-nav-item')]
              .find(item => (item.path || '').replace(/^\\//, '') === route);
            const started = performance.now();
            entry.shadowRoot.querySelector('a').click();
            const look = () => {
              const shown = content();
              if (shown && shown !== before && !busy()) {
                const at = performance.now();
                requestAnimationFrame(() => content() === shown && !busy()
                  ? done(Math.round(at - started)) : requestAnimationFrame(look));
              } else {
                requestAnimationFrame(look);
              }
            };
            requestAnimationFrame(look);""";

    static {
        // A test JVM that ends without closing its browsers (Maven stopped, a run cut short) must not leave ChromeDriver
        // and its Chromium processes behind: hundreds of them, after an office's benchmark, loaded the next build.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().children()
                .filter(child -> child.info().command().map(command -> command.endsWith("chromedriver"))
                        .orElse(false))
                .forEach(driver -> {
                    driver.descendants().forEach(ProcessHandle::destroyForcibly);
                    driver.destroyForcibly();
                }), "browsers-left-open"));
    }

    public final ChromeDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    public Browser(int port, int width, int height) {
        this(port, width, height, false, List.of());
    }

    /** A browser that keeps its network events (DevTools) for {@link #cookiesSetByAnswersTo}: slower, so only where read. */
    public static Browser recordingNetwork(int port, int width, int height) {
        return new Browser(port, width, height, true, List.of());
    }

    /**
     * A browser for a whole office's pages at once: pages in the background keep their timers (a board polls twice a
     * second whether or not its tab is in front), as each would on a screen of its own.
     */
    public static Browser forAnOffice(int port) {
        return new Browser(port, 1440, 900, false, List.of("--disable-background-timer-throttling",
                "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"));
    }

    private Browser(int port, int width, int height, boolean networkLog, List<String> moreArguments) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver packages "
                    + "(apt-get install chromium chromium-driver; .ci/run installs them).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=id-ID", "--window-size=" + width + "," + height);
        options.addArguments(moreArguments);
        if (networkLog) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        this.baseUrl = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.withMessage(this::whereItIs); // a timeout says what the page showed instead
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    public void open(String path) {
        driver.get(baseUrl + "/" + path);
    }

    /** Until the page's address no longer has {@code path} (a sign-in that went on to its home). */
    public void awaitLeft(String path) {
        wait.until(browser -> !driver.getCurrentUrl().contains("/" + path));
    }

    /** Until Vaadin has started on the page and has nothing under way: for pages outside the staff shell. */
    public void awaitVaadinIdle() {
        wait.until(browser -> (Boolean) driver.executeScript("""
                const clients = Object.values((window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {});
                return clients.length > 0 && !clients.some(client => client.isActive && client.isActive());"""));
    }

    /**
     * The first element the locator finds that is shown, once one is: a grid keeps rows it no longer shows, hidden,
     * with their old content and ids, so the first match in the page may be a hidden twin of the one on screen.
     */
    public WebElement await(By locator) {
        return wait.until(browser -> {
            for (WebElement found : driver.findElements(locator)) {
                try {
                    if (found.isDisplayed()) {
                        return found;
                    }
                } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                    // gone while looked at: the next look finds what replaced it
                }
            }
            return null;
        });
    }

    /** The first shown element of those the locator finds, once the page has settled and one is shown. */
    public WebElement awaitShown(By locator) {
        awaitSettled();
        return await(locator);
    }

    /**
     * Clicks the shown element of those the locator finds, once the page has settled, as a user clicks what they see:
     * a grid keeps rows it no longer shows, hidden, with their old content, and a row being drawn again may hide the
     * one found a moment before; so the click is tried again on what is shown then.
     */
    public void clickShown(By locator) {
        awaitSettled();
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(browser -> {
                    WebElement shown = driver.findElements(locator).stream().filter(WebElement::isDisplayed)
                            .findFirst().orElse(null);
                    if (shown == null) {
                        return false;
                    }
                    shown.click();
                    return true;
                });
    }

    /** The address and the start of the page's text, shadow roots included: what a failed wait saw. */
    private String whereItIs() {
        try {
            String text = (String) driver.executeScript("""
                    const deep = root => [...root.querySelectorAll('*')].reduce(
                      (text, el) => el.shadowRoot ? text + ' ' + deep(el.shadowRoot) : text,
                      (root === document ? document.body.innerText : root.textContent) || '');
                    return deep(document);""");
            String shown = text == null ? "" : text.strip().replaceAll("\\s+", " ");
            return "the page at " + driver.getCurrentUrl() + " showed: " + shown.substring(0, Math.min(400, shown.length()));
        } catch (RuntimeException unreadable) {
            return "the page could not be read: " + unreadable.getMessage();
        }
    }

    /**
     * The {@code Set-Cookie} headers of the answers to requests whose address contains {@code addressPart}, from the
     * browser's own network events since the last call.
     */
    @SuppressWarnings("unchecked")
    public List<String> cookiesSetByAnswersTo(String addressPart) {
        Map<String, String> addresses = new HashMap<>();
        List<String> cookies = new ArrayList<>();
        List<Map<String, Object>> answers = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> logged = new Json().toType(entry.getMessage(), Map.class);
            Map<String, Object> message = (Map<String, Object>) logged.get("message");
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            switch ((String) message.get("method")) {
                case "Network.requestWillBeSent" -> addresses.put((String) params.get("requestId"),
                        (String) ((Map<String, Object>) params.get("request")).get("url"));
                case "Network.responseReceivedExtraInfo" -> answers.add(params);
                default -> { }
            }
        }
        for (Map<String, Object> answer : answers) {
            String address = addresses.getOrDefault((String) answer.get("requestId"), "");
            Map<String, Object> headers = (Map<String, Object>) answer.get("headers");
            headers.forEach((name, value) -> {
                if (address.contains(addressPart) && name.equalsIgnoreCase("Set-Cookie")) {
                    cookies.add(String.valueOf(value));
                }
            });
        }
        return cookies;
    }

    /** Opens the home page and says what it shows once Vaadin is idle: after a failed wait, was the session in? */
    public String whereItIsNow() {
        open("");
        try {
            awaitVaadinIdle();
        } catch (RuntimeException stillBusy) {
            return "the home page did not settle (" + stillBusy.getMessage() + "); " + whereItIs();
        }
        return whereItIs();
    }

    /**
     * Chooses {@code file} in the upload {@code selector} names (the page's first {@code vaadin-upload} it matches) as
     * a user does in the file chooser: through the upload's own {@code input[type=file]}, wherever this version of
     * Vaadin draws it. The upload then runs as the user's would; the caller waits for what the page says of it.
     */
    public void upload(String selector, Path file) {
        WebElement input = (WebElement) driver.executeScript("""
                const upload = document.querySelector(arguments[0]);
                return upload.querySelector('input[type=file]')
                  || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'));""", selector);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    public void awaitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Until the element no longer shows the text (a board that stopped showing a number). */
    public void awaitTextGone(By locator, String text) {
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(locator, text)));
    }

    /**
     * Until the text shows anywhere on the page, shadow roots and overlays included: a notification or a dialog,
     * wherever this version of Vaadin draws it.
     */
    public void awaitTextAnywhere(String text) {
        wait.until(browser -> (Boolean) driver.executeScript("""
                const deep = root => [...root.querySelectorAll('*')].reduce(
                  (text, el) => el.shadowRoot ? text + deep(el.shadowRoot) : text,
                  (root === document ? document.documentElement : root).textContent || '');
                return deep(document).includes(arguments[0]);""", text));
    }

    public void signIn(String username, String password) {
        open("login");
        await(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password + "\n");
    }

    /**
     * The texts cut inside {@code scope} (a CSS selector; shadow roots included): elements whose content is wider
     * than their box where the overflow is hidden or ellipsised, or whose text reaches into a mask's fade at its end,
     * each as "tag[part]: text". Empty when all fit. A text cut on purpose with its whole words in a tooltip (a
     * {@code title}, or Vaadin's tooltip on the component) is not cut: the reader has it on pointing.
     */
    @SuppressWarnings("unchecked")
    public List<String> cutTexts(String scope) {
        return (List<String>) driver.executeScript("""
                const cut = [];
                // An element's own text or, for a component's label part (a button's), the text slotted into it.
                const textOf = el => (el.innerText || el.textContent || '').trim()
                  || (el.getAttribute('part') !== 'label' ? '' : [...el.querySelectorAll('slot')]
                       .flatMap(slot => slot.assignedNodes({ flatten: true }))
                       .map(node => node.textContent || '').join(' ').trim());
                const describe = el => {
                  const host = el.getRootNode().host;
                  return (host ? host.tagName.toLowerCase() + (host.id ? '#' + host.id : '') + ' > ' : '')
                    + el.tagName.toLowerCase() + (el.getAttribute('part') ? '[' + el.getAttribute('part') + ']' : '')
                    + ': ' + textOf(el).replace(/\\s+/g, ' ').slice(0, 60);
                };
                const tooltip = el => el && (el.getAttribute('title')
                    || [...el.children].some(child => child.localName === 'vaadin-tooltip' && child.text));
                const explained = el => tooltip(el) || tooltip(el.getRootNode().host);
                // A text that reaches into the fade of a mask at its box's end: Vaadin 25's select fades its value's
                // last 20 px always, so "Bahasa Indonesia" in a select too narrow for it ends in a faded "a" with no
                // overflow to measure.
                const range = document.createRange();
                const fadedAtTheEnd = (el, style) => {
                  const mask = [style.maskImage, style.webkitMaskImage].find(image => image && image !== 'none');
                  const fade = mask && /^linear-gradient\\(270deg,.*?([\\d.]+)px\\)$/.exec(mask);
                  if (!fade || el.clientWidth === 0) return false;
                  let right = -Infinity;
                  const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
                    if (!text.textContent.trim()) continue;
                    range.selectNodeContents(text);
                    for (const box of range.getClientRects()) right = Math.max(right, box.right);
                  }
                  return right > el.getBoundingClientRect().right - parseFloat(fade[1]) + 1;
                };
                const walk = root => {
                  for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot) walk(el.shadowRoot);
                    const style = getComputedStyle(el);
                    const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
                    if (hides && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && textOf(el)
                        && !explained(el)) {
                      cut.push(describe(el));
                    } else if (fadedAtTheEnd(el, style) && !explained(el)) {
                      cut.push(describe(el));
                    }
                  }
                };
                document.querySelectorAll(arguments[0]).forEach(scope => {
                  if (scope.shadowRoot) walk(scope.shadowRoot);
                  walk(scope);
                });
                return cut;""", scope);
    }

    /**
     * The text fields, combo boxes and other inputs inside {@code scope} (shadow roots included) whose value, or
     * placeholder when empty, is wider than the room the input gives it, each as "vaadin-text-field#id value: text". The text is
     * measured in the input's own font, since an input's overflow never shows in its scrollWidth once it is empty.
     */
    @SuppressWarnings("unchecked")
    public List<String> cutInputs(String scope) {
        return (List<String>) driver.executeScript("""
                const cut = [];
                const ruler = document.createElement('canvas').getContext('2d');
                const measured = ['text', 'search', 'email', 'tel', 'url', 'number', ''];
                const walk = root => {
                  for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot) walk(el.shadowRoot);
                    if (el.tagName !== 'INPUT' || !measured.includes(el.getAttribute('type') || '')) continue;
                    const text = el.value || el.placeholder || '';
                    if (!text.trim() || el.clientWidth === 0) continue;
                    const style = getComputedStyle(el);
                    ruler.font = style.font;
                    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                    const wider = ruler.measureText(text).width > room + 1
                        || (el.value && el.scrollWidth > el.clientWidth + 1);
                    if (wider) {
                      const field = el.getRootNode().host || el.parentElement || el;
                      cut.push(field.tagName.toLowerCase() + (field.id ? '#' + field.id : '')
                          + (el.value ? ' value' : ' placeholder')
                          + ': ' + text.slice(0, 60));
                    }
                  }
                };
                document.querySelectorAll(arguments[0]).forEach(scope => {
                  if (scope.shadowRoot) walk(scope.shadowRoot);
                  walk(scope);
                });
                return cut;""", scope);
    }

    /**
     * The buttons and links in the rows of every grid on the page (shadow roots included), and the rows' last cells
     * (where a row ends: its actions or its clock), that are not wholly in sight sideways: cut by the grid's own scroller, a split pane, a cell or the window, each as "grid header: text".
     * Rows scrolled out of view up or down are left alone (the grid shows them by scrolling as the reader expects).
     */
    @SuppressWarnings("unchecked")
    public List<String> rowActionsOutOfSight() {
        return (List<String>) driver.executeScript("""
                const out = [];
                const up = el => el.assignedSlot || el.parentElement || (el.getRootNode() && el.getRootNode().host);
                const visible = el => {
                  let box = el.getBoundingClientRect();
                  let left = Math.max(box.left, 0), right = Math.min(box.right, document.documentElement.clientWidth);
                  for (let at = up(el); at && at !== document.documentElement; at = up(at)) {
                    if (!(at instanceof Element)) continue;
                    const style = getComputedStyle(at);
                    if (style.display === 'contents' || style.overflowX === 'visible') continue;
                    const clip = at.getBoundingClientRect();
                    left = Math.max(left, clip.left + at.clientLeft);
                    right = Math.min(right, clip.left + at.clientLeft + at.clientWidth);
                  }
                  return { left, right, box };
                };
                const grids = [];
                const collect = root => root.querySelectorAll('*').forEach(el => {
                  if (el.localName === 'vaadin-grid') grids.push(el);
                  if (el.shadowRoot) collect(el.shadowRoot);
                });
                collect(document);
                for (const grid of grids) {
                  if (grid.getClientRects().length === 0) continue; // not shown
                  const scroller = grid.shadowRoot.querySelector('#table');
                  const view = scroller.getBoundingClientRect();
                  const header = grid.shadowRoot.querySelector('#header').getBoundingClientRect();
                  const name = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .filter(content => content.assignedSlot && content.assignedSlot.parentElement.localName === 'th')
                    .map(content => content.textContent.trim()).filter(Boolean).slice(0, 2).join(' / ');
                  for (const content of grid.querySelectorAll('vaadin-grid-cell-content')) {
                    const cell = content.assignedSlot && content.assignedSlot.parentElement;
                    if (!cell || cell.localName !== 'td' || cell.parentElement.hidden) continue;
                    const shown = [...cell.parentElement.children].filter(td => !td.hidden && td.getClientRects().length);
                    const controls = [...content.querySelectorAll('vaadin-button, a, vaadin-menu-bar, button')];
                    if (!controls.length && shown[shown.length - 1] === cell && content.textContent.trim()) {
                      controls.push(content);
                    }
                    for (const control of controls) {
                      const seen = visible(control);
                      const middle = (seen.box.top + seen.box.bottom) / 2;
                      if (seen.box.width === 0 || middle < header.bottom || middle > view.top + scroller.clientHeight) {
                        continue;
                      }
                      if (seen.left > seen.box.left + 1 || seen.right < seen.box.right - 1) {
                        out.push((name || 'grid') + ': ' + (control.textContent || control.getAttribute('aria-label')
                          || control.localName).trim().replace(/\\s+/g, ' ').slice(0, 40)
                          + ' at ' + Math.round(seen.box.left) + '–' + Math.round(seen.box.right)
                          + ' px, in sight ' + Math.round(seen.left) + '–' + Math.round(seen.right) + ' px');
                      }
                    }
                  }
                }
                return out;""");
    }

    /**
     * The buttons, links and fields on the page (shadow roots and dialogs included) that reach past the window's left
     * or right edge: a reader on a phone could not see or tap them whole. Each as "tag: text at left–right px".
     */
    @SuppressWarnings("unchecked")
    public List<String> controlsOutsideTheWindow() {
        return (List<String>) driver.executeScript("""
                const out = [], width = document.documentElement.clientWidth;
                const controls = 'vaadin-button, a[href], vaadin-select, vaadin-combo-box, vaadin-text-field, '
                  + 'vaadin-email-field, vaadin-password-field, vaadin-upload, button';
                const walk = root => {
                  for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot) walk(el.shadowRoot);
                    if (!el.matches(controls) || !el.checkVisibility({ visibilityProperty: true })) continue;
                    const box = el.getBoundingClientRect();
                    if (box.width > 0 && (box.left < -1 || box.right > width + 1)) {
                      out.push(el.localName + ': ' + (el.innerText || el.getAttribute('aria-label') || '').trim()
                        .replace(/\\s+/g, ' ').slice(0, 40) + ' at ' + Math.round(box.left) + '–' + Math.round(box.right) + ' px');
                    }
                  }
                };
                walk(document);
                return out;""");
    }

    /**
     * The words broken inside, across two lines (shadow roots included), each as "word in tag": a name wrapped
     * "Kusumawar-dhani" is read wrong. A word may still break at a hyphen, a slash or a dot; only a word longer than the
     * whole line it is on breaks inside (CSS overflow-wrap: break-word), and that is named too, as a line too narrow.
     */
    @SuppressWarnings("unchecked")
    public List<String> wordsBrokenInside() {
        return (List<String>) driver.executeScript("""
                const out = [], range = document.createRange();
                const walk = root => {
                  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
                    const parent = text.parentElement;
                    if (!parent || !parent.checkVisibility({ visibilityProperty: true })) continue;
                    const words = /[^\\s\\-\\/.,·:;()]{2,}/g;
                    for (let word = words.exec(text.textContent); word; word = words.exec(text.textContent)) {
                      range.setStart(text, word.index);
                      range.setEnd(text, word.index + word[0].length);
                      const lines = [...range.getClientRects()].filter(box => box.width > 0);
                      if (lines.some(box => Math.abs(box.top - lines[0].top) > 2)) {
                        out.push(word[0] + ' in ' + parent.localName + (parent.id ? '#' + parent.id : ''));
                      }
                    }
                  }
                  root.querySelectorAll('*').forEach(el => { if (el.shadowRoot) walk(el.shadowRoot); });
                };
                walk(document.body);
                return out;""");
    }

    /**
     * What a walk fails on at one step, each finding named by the step: text cut, an input's text cut, the page
     * scrolling sideways, a row's button or link out of its grid's sight.
     */
    public List<String> findings(String step) {
        List<String> findings = new ArrayList<>();
        cutTexts("body").forEach(cut -> findings.add(step + ": cut " + cut));
        cutInputs("body").forEach(cut -> findings.add(step + ": cut " + cut));
        if (scrollsSideways()) {
            findings.add(step + ": scrolls sideways, past the edge: " + String.join("; ", pastTheRightEdge()));
        }
        rowActionsOutOfSight().forEach(out -> findings.add(step + ": row action out of sight " + out));
        toastsOverTheFocusedField().forEach(over -> findings.add(step + ": a message lies over the focused field: " + over));
        return findings;
    }

    /**
     * A script's first lines: {@code deepAll(selector)}, the elements matching it anywhere (shadow roots included);
     * {@code openDialogs()}, the dialogs open now (Vaadin's dialog and confirm dialog); {@code openers()}, what the page
     * says opens a dialog (decision 148: a button with {@code aria-haspopup="dialog"}, the first row of a grid marked
     * {@code rows-open-dialogs}), in sight and enabled, outside any dialog, each under one name, once.
     */
    private static final String DIALOGS = """
            const deepAll = (selector, root = document, found = []) => {
              root.querySelectorAll('*').forEach(el => {
                if (el.matches(selector)) found.push(el);
                if (el.shadowRoot) deepAll(selector, el.shadowRoot, found);
              });
              return found;
            };
            const openDialogs = () => deepAll('vaadin-dialog, vaadin-confirm-dialog').filter(dialog => dialog.opened);
            const inDialog = el => { for (let at = el; at; at = at.parentElement || (at.getRootNode() && at.getRootNode().host)) {
                if (['vaadin-dialog', 'vaadin-confirm-dialog'].includes(at.localName)) return true; } return false; };
            const words = el => (el.innerText || el.textContent || el.getAttribute('aria-label') || '').trim()
              .replace(/\\s+/g, ' ').slice(0, 60);
            const openers = () => {
              const found = new Map();
              for (const button of deepAll('vaadin-button[aria-haspopup="dialog"]')) {
                if (button.disabled || !button.checkVisibility({ visibilityProperty: true }) || inDialog(button)) continue;
                const name = 'button ' + (words(button) || button.id);
                if (!found.has(name)) found.set(name, button);
              }
              for (const grid of deepAll('vaadin-grid.rows-open-dialogs')) {
                if (!grid.checkVisibility() || inDialog(grid)) continue;
                const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')].find(content => {
                  const td = content.assignedSlot && content.assignedSlot.parentElement;
                  // a cell with a link or a button in it is that control's, not the row's (RowOpener)
                  return td && td.localName === 'td' && !td.parentElement.hidden && content.textContent.trim()
                    && !content.querySelector('a, button, vaadin-button, input, [tabindex]');
                });
                if (!cell) continue;
                const header = [...grid.querySelectorAll('vaadin-grid-cell-content')].find(content =>
                  content.assignedSlot && content.assignedSlot.parentElement.localName === 'th' && content.textContent.trim());
                const name = 'row of the grid ' + (header ? words(header) : grid.id);
                if (!found.has(name)) found.set(name, cell);
              }
              return found;
            };
            """;

    private static final int DIALOGS_PER_PAGE = 10;

    /** What the page says opens a dialog, by name (see {@link #DIALOGS}). */
    @SuppressWarnings("unchecked")
    public List<String> dialogOpeners() {
        return (List<String>) driver.executeScript(DIALOGS + "return [...openers().keys()];");
    }

    /**
     * A dialog as the walk found it: what opened it, whether a dialog opened (or a message came instead), its box, its
     * text (for the caller's look for codes) and what is wrong.
     */
    public record OpenedDialog(String opener, boolean opened, String box, String text, List<String> findings) {
    }

    /**
     * Opens each dialog the page's openers lead to, one at a time ({@link #dialogOpeners()}), measures it at the
     * window's size and closes it without saving: Escape, else its cancel button. An opener that answers with a
     * message instead (a refusal: nothing chosen yet) is no finding; one that shows neither is.
     */
    public List<OpenedDialog> everyDialog() {
        List<OpenedDialog> dialogs = new ArrayList<>();
        // Bounded: a calendar's visits each open the same kind of dialog, and the walk needs each kind once.
        for (String opener : dialogOpeners().stream().limit(DIALOGS_PER_PAGE).toList()) {
            dialogs.add(openDialog(opener));
        }
        return dialogs;
    }

    /**
     * Opens the first row of the page's first grid with a pointer's click on a cell of plain text, as a user chooses
     * the row whose actions show beside it (the verifier's review); a page without rows is left as it is.
     */
    public void openFirstRow() {
        WebElement cell = (WebElement) driver.executeScript(DIALOGS + """
                const grid = deepAll('vaadin-grid').find(grid => grid.checkVisibility() && !inDialog(grid));
                if (!grid) return null;
                return [...grid.querySelectorAll('vaadin-grid-cell-content')].find(content => {
                  const td = content.assignedSlot && content.assignedSlot.parentElement;
                  return td && td.localName === 'td' && !td.parentElement.hidden && content.textContent.trim()
                    && !content.querySelector('a, button, vaadin-button, vaadin-checkbox, input, [tabindex]');
                }) || null;""");
        if (cell != null) {
            cell.click();
            awaitSettled();
        }
    }

    @SuppressWarnings("unchecked")
    private OpenedDialog openDialog(String opener) {
        WebElement element = (WebElement) driver.executeScript(DIALOGS + """
                deepAll('vaadin-notification-card').forEach(card => card.dataset.walkSeen = 'yes');
                const opener = openers().get(arguments[0]);
                if (opener) opener.scrollIntoView({ block: 'center' });
                return opener || null;""", opener);
        if (element == null) {
            return new OpenedDialog(opener, false, "", "", List.of()); // gone since the list was made (a refreshed grid)
        }
        try {
            element.click(); // the pointer's click, as a user's: a row opens on a click counted once (RowOpener)
        } catch (org.openqa.selenium.ElementClickInterceptedException moving) {
            // A grid scrolled to the row lays its rows out again: the button may still be on its way. Covered
            // once it has settled is covered.
            awaitSettled();
            try {
                driver.executeScript("arguments[0].scrollIntoView({ block: 'center' });", element);
                awaitSettled();
                element.click();
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                screenshot("covered-" + opener.replaceAll("[^A-Za-z0-9]+", "-"));
                return new OpenedDialog(opener, false, "", "", List.of(opener + ": covered, cannot be clicked: "
                        + covered.getMessage().lines().findFirst().orElse("")));
            }
        }
        awaitSettled();
        String shown; // "dialog", or "message" for a refusal; null while neither (the wait goes on)
        try {
            shown = new WebDriverWait(driver, Duration.ofSeconds(5)).until(browser -> (String) driver.executeScript(
                    DIALOGS + """
                    if (openDialogs().length) {
                      // Measured once it has stopped moving in.
                      return deepAll('vaadin-dialog, vaadin-confirm-dialog, vaadin-dialog-overlay, '
                        + 'vaadin-confirm-dialog-overlay').some(el => el.hasAttribute('opening')) ? null : 'dialog';
                    }
                    return deepAll('vaadin-notification-card').some(card => card.dataset.walkSeen !== 'yes')
                      ? 'message' : null;"""));
        } catch (org.openqa.selenium.TimeoutException neither) {
            return new OpenedDialog(opener, false, "", "", List.of(opener + ": says it opens a dialog, but showed neither a "
                    + "dialog nor a message"));
        }
        if (shown.equals("message")) {
            return new OpenedDialog(opener, false, "", "", List.of());
        }
        List<String> findings = new ArrayList<>();
        Map<String, Object> measured = (Map<String, Object>) driver.executeScript(DIALOGS + MEASURE_DIALOG);
        ((List<String>) measured.get("findings")).forEach(found -> findings.add(opener + ": " + found));
        String focused = (String) driver.executeScript(DIALOGS + DESTRUCTIVE_FOCUS);
        if (focused != null) {
            findings.add(opener + ": " + focused);
        }
        String scope = "vaadin-dialog[opened], vaadin-confirm-dialog[opened]";
        cutTexts(scope).forEach(cut -> findings.add(opener + ": cut " + cut));
        cutInputs(scope).forEach(cut -> findings.add(opener + ": cut " + cut));
        closeDialogs(opener).ifPresent(findings::add);
        return new OpenedDialog(opener, true, (String) measured.get("box"), (String) measured.get("text"), findings);
    }

    /**
     * The open dialog's box against the window, its buttons in sight within it and the window, its content not wider
     * than its box; and its text, light and shadow (a header drawn in the shadow root) alike.
     */
    private static final String MEASURE_DIALOG = """
            const findings = [], width = document.documentElement.clientWidth, height = window.innerHeight;
            const dialog = openDialogs().at(-1);
            const part = (root, name) => {
              for (const el of root.querySelectorAll('*')) {
                if ((el.getAttribute('part') || '').split(' ').includes(name)) return el;
                if (el.shadowRoot) { const inner = part(el.shadowRoot, name); if (inner) return inner; }
              }
              return null;
            };
            const overlay = (dialog.shadowRoot && part(dialog.shadowRoot, 'overlay')) || dialog;
            const box = overlay.getBoundingClientRect();
            const px = value => Math.round(value);
            if (box.left < -1 || box.top < -1 || box.right > width + 1 || box.bottom > height + 1) {
              findings.push('the dialog (' + px(box.left) + '–' + px(box.right) + ' × ' + px(box.top) + '–'
                + px(box.bottom) + ' px) does not fit the window of ' + width + ' × ' + height + ' px');
            }
            const content = dialog.shadowRoot && part(dialog.shadowRoot, 'content');
            if (content && content.scrollWidth > content.clientWidth + 1) {
              findings.push('its content is ' + content.scrollWidth + ' px wide in ' + content.clientWidth + ' px: it scrolls sideways');
            }
            for (const button of deepAll('vaadin-button', dialog)) {
              if (!button.checkVisibility({ visibilityProperty: true })) continue;
              const at = button.getBoundingClientRect();
              const seen = at.width > 0 && at.left >= Math.max(0, box.left) - 1 && at.right <= Math.min(width, box.right) + 1
                && at.top >= Math.max(0, box.top) - 1 && at.bottom <= Math.min(height, box.bottom) + 1;
              if (!seen) {
                findings.push('its button "' + words(button) + '" is out of sight at ' + px(at.left) + '–' + px(at.right)
                  + ' × ' + px(at.top) + '–' + px(at.bottom) + ' px');
              }
            }
            const shadowText = root => [...root.querySelectorAll('*')].map(el =>
              (el.localName === 'style' ? '' : [...el.childNodes].filter(node => node.nodeType === 3)
                .map(node => node.textContent).join(' ')) + (el.shadowRoot ? ' ' + shadowText(el.shadowRoot) : '')).join(' ');
            const text = (dialog.innerText || '') + ' ' + (dialog.shadowRoot ? shadowText(dialog.shadowRoot) : '');
            return { findings, text: text.replace(/\\s+/g, ' ').trim(),
              box: px(box.width) + ' × ' + px(box.height) + ' px at ' + px(box.left) + ', ' + px(box.top) };""";

    /**
     * A dialog with a destructive (red) button must not give that button the focus: Enter — the user's, or the one a
     * barcode scanner sends after each scan — would press it (issue 54, item 4; decision 177). The focus followed
     * through shadow roots to the button that holds it; null when the dialog has no red button or the focus is safe.
     */
    private static final String DESTRUCTIVE_FOCUS = """
            const dialog = openDialogs().at(-1);
            const red = deepAll('vaadin-button', dialog).filter(button => button.checkVisibility()
              && (button.getAttribute('theme') || '').split(/\\s+/).includes('error'));
            if (!red.length) return null;
            let focused = document.activeElement;
            while (focused && focused.shadowRoot && focused.shadowRoot.activeElement) focused = focused.shadowRoot.activeElement;
            let button = focused;
            while (button && button.localName !== 'vaadin-button') {
              button = button.parentElement || (button.getRootNode() && button.getRootNode().host) || null;
            }
            return button && red.includes(button) ? 'the focus is on its destructive button "' + words(button)
              + '": Enter does it; the safe choice must have the focus' : null;""";

    /** Closes the open dialogs unsaved: Escape, else a cancel or close button. A finding if one stays open. */
    private java.util.Optional<String> closeDialogs(String opener) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        if (dialogsClosed()) {
            return java.util.Optional.empty();
        }
        driver.executeScript(DIALOGS + """
                const dialog = openDialogs().at(-1);
                const cancel = deepAll('vaadin-button', dialog).find(button =>
                  /^(batal|cancel|tutup|close|kembali|back)$/i.test(words(button)) || button.slot === 'cancel-button');
                if (cancel) cancel.click();""");
        if (dialogsClosed()) {
            return java.util.Optional.empty();
        }
        driver.executeScript(DIALOGS + "openDialogs().forEach(dialog => dialog.opened = false);");
        return java.util.Optional.of(opener + ": the dialog closes neither on Escape nor with a cancel button");
    }

    private boolean dialogsClosed() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(browser -> (Boolean) driver.executeScript(
                    DIALOGS + "return openDialogs().length === 0;"));
            awaitSettled();
            return true;
        } catch (org.openqa.selenium.TimeoutException open) {
            return false;
        }
    }

    /**
     * The notifications shown now that lie over the field that has the keyboard's focus (shadow roots followed): a
     * message the user cannot read beside what they type, or a field they cannot see. Each as "text over field".
     */
    @SuppressWarnings("unchecked")
    public List<String> toastsOverTheFocusedField() {
        return (List<String>) driver.executeScript("""
                let focused = document.activeElement;
                while (focused && focused.shadowRoot && focused.shadowRoot.activeElement) {
                  focused = focused.shadowRoot.activeElement;
                }
                if (!focused || !['INPUT', 'TEXTAREA'].includes(focused.tagName)) return [];
                const field = focused.closest('vaadin-text-field, vaadin-text-area, vaadin-password-field, '
                  + 'vaadin-email-field, vaadin-integer-field, vaadin-number-field, vaadin-big-decimal-field, '
                  + 'vaadin-combo-box, vaadin-date-picker, vaadin-time-picker') || focused;
                const at = field.getBoundingClientRect();
                const over = [];
                const walk = root => root.querySelectorAll('*').forEach(el => {
                  if (el.localName === 'vaadin-notification-card' && el.checkVisibility()) {
                    const card = el.getBoundingClientRect();
                    if (card.left < at.right && card.right > at.left && card.top < at.bottom && card.bottom > at.top) {
                      over.push('"' + el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60) + '" over the field "'
                        + (field.label || focused.name || focused.id || field.localName) + '"');
                    }
                  }
                  if (el.shadowRoot) walk(el.shadowRoot);
                });
                walk(document);
                return over;""");
    }

    /**
     * The innermost elements (shadow roots included) that reach past the window's right edge or whose content spills
     * past it: what pushes the page wide.
     */
    @SuppressWarnings("unchecked")
    private List<String> pastTheRightEdge() {
        return (List<String>) driver.executeScript("""
                const width = document.documentElement.clientWidth, found = [];
                const walk = root => {
                  for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot) walk(el.shadowRoot);
                    const box = el.getBoundingClientRect();
                    // past the edge itself, or its text spilling out of it (a word or a row that cannot wrap)
                    const spills = getComputedStyle(el).overflowX === 'visible'
                      && box.left + el.scrollWidth > width + 1 && el.scrollWidth > el.clientWidth + 1;
                    if (box.width > 0 && (box.right > width + 1 || spills)
                        && ![...el.children].some(child => child.getBoundingClientRect().right > width + 1)) {
                      const host = el.getRootNode().host;
                      found.push((host ? host.localName + ' > ' : '') + el.localName
                        + (el.getAttribute('part') ? '[' + el.getAttribute('part') + ']' : '')
                        + ' to ' + Math.round(box.right) + ' px');
                    }
                  }
                };
                walk(document);
                return found.slice(0, 5);""");
    }

    /**
     * Chooses a language in the page's language switch as a user does, and waits until the page, drawn anew in it,
     * has settled. {@code label} is the switch's item: "Bahasa Indonesia" or "English".
     */
    public void chooseLanguage(String label) {
        if (label.equals(languageShown())) {
            return;
        }
        driver.findElement(By.cssSelector("vaadin-select.language-switch")).click();
        WebElement item = await(By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']"));
        driver.executeScript("arguments[0].click()", item); // the list may still be sliding in on a phone
        wait.until(browser -> {
            try {
                return label.equals(languageShown());
            } catch (RuntimeException reloading) {
                return false;
            }
        });
        awaitSettled();
    }

    /** The language the page's switch shows, or "" where the page has none. */
    public String languageShown() {
        return (String) driver.executeScript("""
                const shown = document.querySelector('vaadin-select.language-switch vaadin-select-value-button');
                return shown ? shown.textContent.trim() : '';""");
    }

    /** A text the reader is given to read as data: a grid's cell, a chart's label, a notification. */
    public record Shown(String where, String text) {
    }

    /**
     * The texts of the page's grid cells (rows in view), chart labels (the text of every SVG picture drawn from a
     * data address, as the dashboard's charts are) and notifications, shadow roots included.
     */
    @SuppressWarnings("unchecked")
    public List<Shown> shownTexts() {
        List<List<String>> found = (List<List<String>>) driver.executeScript("""
                const shown = [];
                const walk = root => root.querySelectorAll('*').forEach(el => {
                  if (el.localName === 'vaadin-grid-cell-content') {
                    const cell = el.assignedSlot && el.assignedSlot.parentElement;
                    if (cell && cell.localName === 'td' && !cell.parentElement.hidden) {
                      shown.push(['grid cell', el.textContent]);
                    }
                  } else if (el.localName === 'vaadin-notification-card') {
                    shown.push(['notification', el.textContent]);
                  } else if (el.localName === 'img' && (el.getAttribute('src') || '').startsWith('data:image/svg+xml;base64,')) {
                    const svg = new DOMParser().parseFromString(
                        new TextDecoder().decode(Uint8Array.from(atob(el.getAttribute('src').split(',')[1]), c => c.charCodeAt(0))),
                        'image/svg+xml');
                    svg.querySelectorAll('text').forEach(label => shown.push(['chart label', label.textContent]));
                  }
                  if (el.shadowRoot) walk(el.shadowRoot);
                });
                walk(document);
                return shown.filter(([, text]) => text && text.trim())
                  .map(([where, text]) => [where, text.trim().replace(/\s+/g, ' ')]);""");
        return found.stream().map(pair -> new Shown(pair.get(0), pair.get(1))).toList();
    }

    /** The menu's entries as the signed-in user sees them: each one's route, without the leading slash. */
    @SuppressWarnings("unchecked")
    public List<String> menuRoutes() {
        return (List<String>) driver.executeScript("""
                return [...document.querySelectorAll('#main-nav vaadin-side-nav-item')]
                  .map(item => (item.path || '').replace(/^\\//, ''));""");
    }

    /**
     * Until the page has drawn what it fetches: no request of Vaadin's under way, no grid loading rows, and so for
     * two animation frames in a row (a grid asks for its rows only once it is attached).
     */
    public void awaitSettled() {
        wait.until(browser -> (Boolean) driver.executeAsyncScript(SETTLED));
    }

    /**
     * Clicks the menu's entry for {@code route} as a user does (Vaadin navigates without reloading the page) and
     * waits until the shell shows the new view settled (see {@link #awaitSettled()}): answers the milliseconds from
     * the click to that, timed in the page a frame at a time.
     */
    public long clickMenu(String route) {
        return ((Number) driver.executeAsyncScript(CLICK_MENU, route)).longValue();
    }

    /**
     * Taps the row of grid {@code gridId} showing {@code text} in one of its cells, once the page has drawn what it
     * fetched: a grid given new rows keeps showing its old ones for a frame or two, and a tap on an old row names an
     * item the server no longer knows, so nothing opens (the field roster, refreshed as the visit is made ready).
     */
    public void tapRow(String gridId, String text) {
        awaitSettled();
        ((WebElement) wait.until(browser -> driver.executeScript("""
                const [id, text] = arguments;
                return [...document.querySelectorAll('#' + id + ' vaadin-grid-cell-content')]
                  .find(cell => cell.textContent.trim().replace(/\\s+/g, ' ') === text) || null;""",
                gridId, text.strip().replaceAll("\\s+", " ")))).click();
    }

    /** Whether the page is wider than the window: the reader would have to scroll sideways. */
    public boolean scrollsSideways() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public void screenshot(String name) {
        Path folder = Path.of(System.getProperty("portal.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
