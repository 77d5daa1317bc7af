package id.dukcapil.portal.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * What a screen shows wrong, looked at as a user would (the page settled first by the caller): cut texts and the other
 * {@link Browser#findings}, controls past the window's edge, words broken inside, and a message's placeholder left
 * unfilled ("{0}": a lone apostrophe in a message with arguments swallows it). A screenshot of it is kept under
 * {@code name}.
 */
public final class ScreenFindings {

    private ScreenFindings() {
    }

    public static List<String> of(Browser browser, String name, String step) {
        browser.screenshot(name + "-" + step.replaceAll("[^A-Za-z0-9]+", "-"));
        List<String> findings = new ArrayList<>(browser.findings(step));
        browser.controlsOutsideTheWindow().forEach(out -> findings.add(step + ": past the edge " + out));
        browser.wordsBrokenInside().forEach(word -> findings.add(step + ": a word broken inside: " + word));
        String shown = (String) browser.driver.executeScript("return document.body.innerText");
        if (shown.matches("(?s).*\\{\\d\\}.*")) {
            findings.add(step + ": an unfilled placeholder on screen");
        }
        return findings;
    }
}
