package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.PortalApplication;
import id.dukcapil.portal.PortalCodes;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.kkprint.OperatorInbox;
import id.dukcapil.portal.notification.ui.DemoMailboxRoute;
import id.dukcapil.portal.population.PopulationImports;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriverException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every staff view as its users meet it, at 1440 × 900, in Bahasa Indonesia and in English: no translation key, enum
 * name or service-point code on screen (nor any constant of the product's enums in a grid cell, a chart label or a
 * notification: {@link PortalCodes}), no ISO date, no text cut, no sideways scroll, every row's buttons and links in
 * sight; and every dialog its openers lead to (decision 148) the same, within the window with its buttons in sight,
 * closed unsaved — the tablet views' dialogs at 800 × 1280 as well. The states some dialogs need are made first
 * ({@link WalkStates}, decision 149), and each opener of those dialogs must have opened its dialog ({@code MUST_OPEN}).
 * One walk per language, each a class of its own ({@link EveryViewInIndonesianBrowserTest},
 * {@link EveryViewInEnglishBrowserTest}), so that the suite's two JVMs walk the two at once (decision 197).
 */
@PortalTest
abstract class EveryViewBrowserTest {

    /** Views that look the same to every role: walked once, by the first user whose menu has them. */
    private static final Set<String> SAME_FOR_EVERY_ROLE = Set.of("password");
    /** The views used on an upright tablet as well (the counter, the field team, the KK operator): their dialogs at 800 × 1280 too. */
    private static final Set<String> AT_A_TABLET = Set.of("counter", "lapangan", "kk/operator");
    /** How the walk names an opener it opened at the tablet's size. */
    private static final String TABLET = "at 800 × 1280: ";
    /**
     * What a user does first on a view whose openers show only after it: the verifier's review and a school's edit
     * show for a chosen row (the walk opens the first); the import's start needs a file, uploaded through the page's
     * upload as a user chooses it.
     */
    private static final Map<String, Consumer<Browser>> FIRST_STEPS = Map.of(
            "kk/verifier", Browser::openFirstRow,
            "sekolah", Browser::openFirstRow,
            "residents/import", EveryViewBrowserTest::extractUploaded);
    /**
     * The openers whose dialog needs a state the walk makes first ({@link WalkStates}), by route, each as "button" or
     * "row" and its label's key: each must open its dialog (not a message, not unseen) in both languages, at each size
     * the view is walked at.
     */
    private static final Map<String, List<String>> MUST_OPEN = Map.of(
            "kk/verifier", List.of("button kkprint.action.reject-operator", "button kkprint.action.reject-citizen"),
            "perekaman", List.of("button recording.desk.failed"),
            "ikd", List.of("button ikd.action.archive", "button ikd.report.open"),
            "lapangan", List.of("button schoolvisit.field.close"),
            "counter", List.of("button booking.counter.no-shows"),
            "reports", List.of("row reports.column.procedure"),
            "residents/import", List.of("button population.import.start", "button population.import.cancel"),
            "sekolah", List.of("button schoolvisit.schools.edit"),
            "quota-calendar", List.of("button booking.calendar.close"));
    /** A message in the demo mailbox, to a long address as citizens' addresses can be. */
    private static final String MAIL_ID = "<walk@dukcapil.test>";
    private static final String MAIL_TO = "pemohon.dengan.alamat.panjang@kantor-desa-sukamaju.go.id";

    /** A translation key left untranslated ("booking.calendar.x") or an action code ("staff.sign-in"). */
    private static final Pattern KEY = Pattern.compile(
            "(?<![@\\w.])(?:booking|kkprint|signing|staff|audit|shared|nav|home|sla|reports|ikd|recording|blanko|"
                    + "population|notification|bds|mail)\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\b");
    /** An enum name ("KK_PRINT_REQUEST", "PRINT_READY") or a service point's code ("UKL-320437", "MPP-SOREANG"). */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b|\\bUKL-\\d{6}\\b|\\bMPP-[A-Z]+\\b");
    /** Every constant name of the product's public enums, read from the code: a state, a step, a role. */
    private static final PortalCodes CODES = PortalCodes.fromTheCode();
    /** A date as ISO writes it (2005-04-03): the screens have one format, day/month/year. */
    private static final Pattern ISO_DATE = Pattern.compile("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}(?![\\w-])");

    @LocalServerPort int port;
    @Autowired ServletContext servletContext;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    @Autowired KkPrintTestSupport kk;
    @Autowired OperatorInbox operatorInbox;
    @Autowired ApplicationContext context;
    @Autowired I18NProvider translations;

    /** The language of this walk, as the {@code portal-lang} cookie names it: {@code id} or {@code en}. */
    abstract String language();

    /** Every demo user walks the views its menu offers, so a new view is walked as soon as it is in a menu. */
    @Test
    void every_staff_view_shows_words_not_codes_and_cuts_nothing_at_1440_px() throws Exception {
        DemoMailboxRoute.register(servletContext); // as the demo profile does where no mail server is configured
        jdbc.sql("INSERT INTO notification_demo_mailbox (message_id, recipient, subject, delivered_at, mime) "
                + "VALUES (?, ?, ?, NOW(), ?)").params(MAIL_ID, MAIL_TO, "Kode OTP Anda: 271828", """
                Message-ID: %s\r
                From: no-reply@disdukcapil.bandungkab.go.id\r
                To: %s\r
                Subject: Kode OTP Anda: 271828\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                Kode OTP Anda adalah 271828.\r
                """.formatted(MAIL_ID, MAIL_TO).getBytes(StandardCharsets.UTF_8)).update();
        // Failed sign-ins count in the database: another test's wrong passwords must not lock a demo account out of
        // a walk that is about the views.
        jdbc.sql("UPDATE staff_account SET locked_until = NULL, failed_sign_ins = 0 WHERE username IN (:users)")
                .param("users", DemoStaff.USERS).update();
        // A request the operator holds, furthest over its standard: the inbox's first row, with all its actions.
        String held = kk.submitted();
        kk.asStaff("operator", () -> {
            operatorInbox.claim(kk.idOf(held));
            return null;
        });
        jdbc.sql("UPDATE kkprint_request SET step_due_at = ? WHERE tracking_number = ?")
                .params(java.sql.Timestamp.valueOf("2001-01-01 00:00:00"), held).update();
        WalkStates states = new WalkStates(context, port);
        states.today();
        List<String> findings = new ArrayList<>();
        Set<String> walkedOnce = new HashSet<>();
        Set<String> walked = new TreeSet<>();
        Set<String> opened = new TreeSet<>();
        try {
            for (String user : DemoStaff.USERS) {
                try (Browser browser = new Browser(port, 1440, 900)) {
                    DemoStaff.signIn(browser, user, jdbcTemplate);
                    states.before(user);
                    walked.addAll(browser.menuRoutes());
                    List<String> routes = browser.menuRoutes().stream()
                            .filter(route -> !SAME_FOR_EVERY_ROLE.contains(route) || walkedOnce.add(route)).toList();
                    for (String language : List.of(language())) {
                        browser.driver.manage().addCookie(new Cookie("portal-lang", language));
                        browser.open(""); // the language is read as the page loads; from here the menu leads
                        for (String route : routes) {
                            findings.addAll(states.whileWalking(route, () -> look(browser,
                                    language + " " + user + " /" + route + ": ", route,
                                    opener -> opened.add(language + " /" + route + " " + opener))));
                        }
                    }
                } finally {
                    states.after();
                }
            }
        } finally {
            DemoMailboxRoute.remove(servletContext);
            jdbc.sql("DELETE FROM notification_demo_mailbox WHERE message_id = ?").param(MAIL_ID).update();
        }
        findings.forEach(System.out::println);
        assertThat(walked).as("the views walked: every view in a menu, reached by some demo role")
                .containsExactlyInAnyOrderElementsOf(menuViews());
        assertThat(findings).isEmpty();
        assertThat(opened).as("the dialogs opened: each opener of the views whose dialogs need a state (WalkStates)")
                .containsAll(mustOpen());
    }

    /**
     * The openers that must have opened their dialog, as the walk names them, in the walk's language and, on the views
     * used on a tablet, at its size too.
     */
    private List<String> mustOpen() {
        List<String> openers = new ArrayList<>();
        MUST_OPEN.forEach((route, keys) -> keys.forEach(key -> {
            for (String language : List.of(language())) {
                String words = translations.getTranslation(key.substring(key.indexOf(' ') + 1), Locale.of(language));
                String opener = (key.startsWith("row ") ? "row of the grid " : "button ") + words;
                openers.add(language + " /" + route + " " + opener);
                if (AT_A_TABLET.contains(route)) {
                    openers.add(language + " /" + route + " " + TABLET + opener);
                }
            }
        }));
        return openers;
    }

    /** The routes of every view that has a menu entry (Vaadin's {@code @Menu}), as the code declares them. */
    private static Set<String> menuViews() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        Set<String> routes = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents(PortalApplication.class.getPackageName())) {
            routes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), null).getAnnotation(Route.class).value());
        }
        return routes;
    }

    /** What is wrong on one view, reached from the menu: keys and codes on screen, texts cut, a page too wide. */
    private static List<String> look(Browser browser, String where, String route, Consumer<String> opened) {
        try {
            if (route.isEmpty()) {
                browser.awaitSettled(); // home: where the walk opened the page
            } else {
                browser.clickMenu(route);
            }
        } catch (WebDriverException notDrawn) { // within a minute, or the page failed
            return List.of(where + "does not open: " + notDrawn.getMessage().lines().findFirst().orElse(""));
        }
        List<String> findings = new ArrayList<>();
        String text = (String) browser.driver.executeScript("return document.body.innerText;");
        matches(KEY, text).forEach(key -> findings.add(where + "key or code " + key));
        matches(CODE, text).forEach(code -> findings.add(where + "code " + code));
        for (Browser.Shown shown : browser.shownTexts()) {
            CODES.in(shown.text()).forEach(code -> findings.add(where + "code " + code + " in a " + shown.where()
                    + ": " + shown.text().substring(0, Math.min(80, shown.text().length()))));
        }
        matches(ISO_DATE, text).forEach(date -> findings.add(where + "ISO date " + date));
        browser.cutTexts("body").forEach(cut -> findings.add(where + "cut " + cut));
        browser.cutInputs("body").forEach(cut -> findings.add(where + "cut " + cut));
        if (browser.scrollsSideways()) {
            findings.add(where + "scrolls sideways");
        }
        browser.rowActionsOutOfSight().forEach(out -> findings.add(where + "row action out of sight " + out));
        FIRST_STEPS.getOrDefault(route, nothing -> { }).accept(browser);
        findings.addAll(dialogs(browser, where, opened));
        if (AT_A_TABLET.contains(route)) {
            browser.resize(800, 1280);
            browser.awaitSettled();
            findings.addAll(dialogs(browser, where + "at 800 × 1280: ", opener -> opened.accept(TABLET + opener)));
            browser.resize(1440, 900);
            browser.awaitSettled();
        }
        return findings;
    }

    /**
     * Every dialog the view's openers lead to (decision 148), opened, measured at the window's size and closed
     * unsaved: what does not fit or is out of sight, and keys, codes or ISO dates in its text.
     */
    private static List<String> dialogs(Browser browser, String where, Consumer<String> opened) {
        List<String> findings = new ArrayList<>();
        for (Browser.OpenedDialog dialog : browser.everyDialog()) {
            if (dialog.opened()) {
                opened.accept(dialog.opener());
            }
            System.out.println(where + (dialog.opened() ? "opened the dialog of " + dialog.opener() + ", " + dialog.box()
                    : "a message, no dialog, from " + dialog.opener()));
            String in = where + "the dialog of " + dialog.opener() + ": ";
            dialog.findings().forEach(found -> findings.add(where + "the dialog of " + found));
            matches(KEY, dialog.text()).forEach(key -> findings.add(in + "key or code " + key));
            matches(CODE, dialog.text()).forEach(code -> findings.add(in + "code " + code));
            CODES.in(dialog.text()).forEach(code -> findings.add(in + "code " + code));
            matches(ISO_DATE, dialog.text()).forEach(date -> findings.add(in + "ISO date " + date));
        }
        return findings;
    }

    /** The product's example extract, chosen in the import's upload: the page says it arrived, *Mulai impor* enabled. */
    private static void extractUploaded(Browser browser) {
        try {
            Path file = Files.createTempDirectory("walk-").resolve("contoh-ekstrak-siak.csv");
            try (var example = PopulationImports.class.getClassLoader()
                    .getResourceAsStream(PopulationImports.EXAMPLE_RESOURCE)) {
                Files.copy(Objects.requireNonNull(example, PopulationImports.EXAMPLE_RESOURCE), file);
            }
            browser.upload("#extract-upload", file);
            browser.await(By.cssSelector("#extract-start:not([disabled])"));
            Files.delete(file);
            Files.delete(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (!found.contains(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found;
    }
}
