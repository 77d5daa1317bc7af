package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every staff view as its users meet it, at 1440 × 900, in Bahasa Indonesia and in English: no translation key, enum
 * name or service-point code on screen, no text cut, no sideways scroll.
 */
@PortalTest
class EveryViewBrowserTest {

    /** Each demo user and the views of its role (the access matrix's routes a staff member works in). */
    private static final Map<String, List<String>> VIEWS = new LinkedHashMap<>();

    static {
        // The demo mailbox (/mailbox) exists only where the mail goes to it, not to a real SMTP server as in tests.
        VIEWS.put("admin", List.of("", "staff", "audit", "outbox", "certificates", "kk/clients", "blanko",
                "quota-calendar", "booking-for-resident", "sla", "reports", "residents"));
        VIEWS.put("kadis", List.of("", "signing"));
        VIEWS.put("verifikator", List.of("", "kk/verifier", "kk/operator"));
        VIEWS.put("operator", List.of("", "kk/operator", "counter"));
        VIEWS.put("cetak", List.of("", "counter", "blanko"));
        VIEWS.put("perencana", List.of("", "quota-calendar", "blanko"));
        VIEWS.put("registrasi", List.of("", "registrasi"));
        VIEWS.put("perekaman", List.of("", "perekaman"));
        VIEWS.put("ikd", List.of("", "ikd"));
        VIEWS.put("manajer", List.of("", "reports", "sla"));
    }

    /** A translation key left untranslated ("booking.calendar.x") or an action code ("staff.sign-in"). */
    private static final Pattern KEY = Pattern.compile(
            "(?<![@\\w.])(?:booking|kkprint|signing|staff|audit|shared|nav|home|sla|reports|ikd|recording|blanko|"
                    + "population|notification|bds|mail)\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\b");
    /** An enum name ("KK_PRINT_REQUEST", "PRINT_READY") or a service point's code ("UKL-320437", "MPP-SOREANG"). */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b|\\bUKL-\\d{6}\\b|\\bMPP-[A-Z]+\\b");

    @LocalServerPort int port;

    @Test
    void every_staff_view_shows_words_not_codes_and_cuts_nothing_at_1440_px_in_both_languages() {
        List<String> findings = new ArrayList<>();
        VIEWS.forEach((user, routes) -> {
            try (Browser browser = new Browser(port, 1440, 900)) {
                browser.signIn(user, PortalTest.DEMO_PASSWORD);
                browser.await(By.tagName("h2"));
                for (String language : List.of("id", "en")) {
                    browser.driver.manage().addCookie(new Cookie("portal-lang", language));
                    for (String route : routes) {
                        findings.addAll(look(browser, language + " " + user + " /" + route + ": ", route));
                    }
                }
            }
        });
        findings.forEach(System.out::println);
        assertThat(findings).isEmpty();
    }

    /** What is wrong on one view: keys and codes on screen, texts cut, a page wider than the window. */
    private static List<String> look(Browser browser, String where, String route) {
        browser.open(route);
        try {
            settle(browser);
        } catch (org.openqa.selenium.TimeoutException notDrawn) {
            return List.of(where + "does not open");
        }
        List<String> findings = new ArrayList<>();
        String text = (String) browser.driver.executeScript("return document.body.innerText;");
        matches(KEY, text).forEach(key -> findings.add(where + "key or code " + key));
        matches(CODE, text).forEach(code -> findings.add(where + "code " + code));
        browser.cutTexts("body").forEach(cut -> findings.add(where + "cut " + cut));
        if (browser.scrollsSideways()) {
            findings.add(where + "scrolls sideways");
        }
        return findings;
    }

    /** Until the view has drawn: the shell is there, then a moment for the grids to fetch their rows. */
    private static void settle(Browser browser) {
        browser.await(By.tagName("vaadin-app-layout"));
        try {
            Thread.sleep(800);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
