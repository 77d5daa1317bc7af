package id.dukcapil.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.browser.Browser;
import id.dukcapil.portal.packaged.Database;
import id.dukcapil.portal.packaged.PortalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 53's outpost node end to end (decision 199), two processes of the packaged jar on loopback: the Dinas (the
 * demo) and a field team's laptop (profile {@code outpost}, its own folder and embedded database). On the laptop, in
 * Chromium at tablet size, its administrator takes the demo visit with the field officer's Dinas password; the
 * officer signs in with the carried account and taps a few steps; the laptop's JVM is killed ({@code kill -9}) and
 * started again; the roster is sealed until the officer's password opens it; one more step, and the check-in. Then
 * the Dinas has the checkout back and each step applied once, and the laptop holds no one's personal data any more.
 */
class OutpostNodeCrashIT {

    private static final String PASSWORD = PortalTest.DEMO_PASSWORD;
    private static final String OFFICER = "lapangan";
    private static final String ADMIN = "pengelola";
    private static final String ADMIN_PASSWORD = "Laptop-Tim1#2026";
    private static final int CARDS_OUT = 5;

    private Path folder;
    private PortalProcess dinas;
    private PortalProcess outpost;
    private long freshStartMillis;

    @BeforeEach
    void twoNodes() throws Exception {
        folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-outpost-");
        dinas = new PortalProcess(folder.resolve("dinas"), Map.of());
        dinas.start();
        outpost = new PortalProcess("outpost", folder.resolve("laptop"),
                Map.of("PORTAL_ADMIN_USERNAME", ADMIN, "PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD),
                "--portal.outpost.name=Laptop Tim 1", "--portal.outpost.dinas-url=" + dinas.url("").toString());
        freshStartMillis = outpost.start();
    }

    @AfterEach
    void stopBoth() throws Exception {
        if (outpost != null) {
            outpost.stop();
        }
        if (dinas != null) {
            dinas.stop();
        }
        FileSystemUtils.deleteRecursively(folder);
    }

    @Test
    void an_outpost_killed_while_it_holds_a_visit_opens_sealed_and_sends_every_step_to_the_dinas_once() throws Exception {
        // The office sets the demo visit out on the Dinas's own field screen, as its officer does before leaving.
        try (Browser office = tablet(dinas)) {
            signIn(office, OFFICER, PASSWORD);
            office.open("lapangan");
            office.await(By.cssSelector("#field-cards input")).sendKeys(Keys.chord(Keys.CONTROL, "a"),
                    Integer.toString(CARDS_OUT));
            office.await(By.id("field-set-out")).click();
            office.awaitText(By.id("field-visit-line"), "blangko dibawa: " + CARDS_OUT);
        }

        List<Long> tapped = new ArrayList<>();
        Student printReady;
        try (Browser laptop = tablet(outpost)) {
            signIn(laptop, ADMIN, ADMIN_PASSWORD);
            laptop.open("pos-lapangan");
            type(laptop, "#outpost-username input", OFFICER);
            type(laptop, "#outpost-password input", PASSWORD);
            laptop.await(By.id("outpost-find")).click();
            laptop.await(By.cssSelector("vaadin-button[id^='outpost-take-']"));
            laptop.screenshot("outpost-take-tablet");
            laptop.await(By.cssSelector("vaadin-button[id^='outpost-take-']")).click();
            laptop.await(By.id("outpost-roster"));
            assertThat(count(outpost, "SELECT COUNT(*) FROM staff_account WHERE username = ? AND active AND "
                    + "password_hash = ?", OFFICER, hashAtTheDinas())).as("the officer's account carried").isOne();

            laptop.await(By.id("sign-out")).click();
            laptop.await(By.tagName("vaadin-login-form"));
            openTheScreenAsTheOfficer(laptop);
            tapped.add(tap(laptop, "recorded", tapped));
            tapped.add(tap(laptop, "absent", tapped));
            tapped.add(tap(laptop, "refused", tapped));
            // A student print-ready in the register: found recorded, and a card printed on a blank card held.
            printReady = printReadyStudent();
            type(laptop, "#outpost-filter input", printReady.name());
            onlyTheirRowShown(laptop, printReady);
            step(laptop, "outpost-found_recorded-" + printReady.id(), null);
            step(laptop, "outpost-card_printed-" + printReady.id(), "E2E-0001");
            tapped.add(printReady.id());
            tapped.add(printReady.id());
            laptop.screenshot("outpost-roster-tablet");
            assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_checkout WHERE state = 'OUT'")).isOne();
            assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_outpost_operation")).as("nothing sent yet")
                    .isZero();
            outpost.killJvm(); // the laptop's power cut, the tablet still on the screen
        }
        long ready = outpost.start();
        System.out.printf("%nBENCHMARK outpost start: fresh (its database made, Liquibase, first administrator) "
                + "%,d ms; again after kill -9 (InnoDB's recovery) %,d ms%n%n", freshStartMillis, ready);
        assertThat(count(outpost, "SELECT COUNT(*) FROM outpost_operation")).as("every step kept across the kill")
                .isEqualTo(tapped.size());

        try (Browser laptop = tablet(outpost)) {
            signIn(laptop, OFFICER, PASSWORD);
            laptop.open("pos-lapangan");
            laptop.await(By.id("outpost-unlock-username"));
            laptop.screenshot("outpost-unlock-tablet");
            assertThat(laptop.driver.findElements(By.cssSelector("#outpost-roster vaadin-button")))
                    .as("nothing of the roster while sealed").isEmpty();
            type(laptop, "#outpost-unlock-password input", PASSWORD);
            laptop.await(By.id("outpost-unlock")).click();
            laptop.await(By.id("outpost-roster"));
            tapped.add(tap(laptop, "absent", tapped));
            assertNoNikInPlainText();
            Set<String> operations = strings(outpost, "SELECT operation_id FROM outpost_operation");

            laptop.await(By.id("outpost-check-in")).click();
            type(laptop, "#outpost-check-in-password input", PASSWORD);
            laptop.await(By.id("outpost-check-in-send")).click();
            laptop.await(By.id("outpost-last-back"));

            assertThat(strings(dinas, "SELECT state FROM schoolvisit_checkout")).containsExactly("BACK");
            assertThat(strings(dinas, "SELECT operation_id FROM schoolvisit_outpost_operation"))
                    .as("each step the laptop kept applied once at the Dinas").isEqualTo(operations)
                    .hasSize(tapped.size());
            assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE outcome = 'APPLIED'"))
                    .isEqualTo(tapped.size());
            assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_student WHERE id = ? AND state = 'PRINTED'",
                    printReady.id())).as("the card printed at the school is the Dinas's").isOne();
        }
        assertThat(count(outpost, "SELECT COUNT(*) FROM outpost_student")).as("the roster left the laptop").isZero();
        assertThat(count(outpost, "SELECT COUNT(*) FROM outpost_key_slot")).as("no key slot left").isZero();
        assertThat(count(outpost, "SELECT COUNT(*) FROM staff_account WHERE username = ? AND password_hash = ?",
                OFFICER, hashAtTheDinas())).as("the carried account closed: the Dinas's hash left the laptop").isZero();
        System.out.printf("CRASH outpost: %d steps, the laptop ready again in %d ms after kill -9, all applied once%n",
                tapped.size(), ready);
    }

    private static Browser tablet(PortalProcess node) {
        return new Browser(node.url("/").getPort(), 800, 1280);
    }

    private static void signIn(Browser browser, String username, String password) {
        browser.signIn(username, password);
        browser.await(By.tagName("vaadin-app-layout"));
        browser.awaitSettled();
    }

    private static void openTheScreenAsTheOfficer(Browser laptop) {
        signIn(laptop, OFFICER, PASSWORD);
        laptop.open("pos-lapangan");
        laptop.await(By.id("outpost-roster"));
    }

    /** Replaces a field's value as a user does (all selected, typed over). */
    private static void type(Browser browser, String input, String text) {
        browser.await(By.cssSelector(input)).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    /**
     * Taps step {@code kind} of the first student shown who has it and was not tapped yet; returns once the step is
     * kept (the student's button for it gone, its operation in the laptop's database).
     */
    private long tap(Browser laptop, String kind, List<Long> before) throws Exception {
        laptop.awaitSettled();
        String prefix = "outpost-" + kind + "-";
        WebElement button = new WebDriverWait(laptop.driver, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class).until(driver -> driver
                        .findElements(By.cssSelector("vaadin-button[id^='" + prefix + "']")).stream()
                        .filter(WebElement::isDisplayed).filter(candidate -> !before.contains(Long.parseLong(
                                candidate.getAttribute("id").substring(prefix.length())))).findFirst().orElse(null));
        String id = button.getAttribute("id");
        step(laptop, id, null);
        return Long.parseLong(id.substring(prefix.length()));
    }

    /**
     * Waits until the roster, filtered by name (sent a moment after the last key), shows only the rows the filter
     * keeps (the students of the visit's school whose name holds it), the student's own among them: a button found
     * before the roster is drawn again moves under the pointer.
     */
    @SuppressWarnings("unchecked")
    private void onlyTheirRowShown(Browser laptop, Student student) throws Exception {
        Set<String> kept = strings(dinas, """
                SELECT s.id FROM schoolvisit_student s
                JOIN schoolvisit_visit v ON v.school_id = s.school_id JOIN schoolvisit_checkout c ON c.visit_id = v.id
                WHERE LOWER(s.full_name) LIKE CONCAT('%', LOWER(?), '%')""", student.name());
        new WebDriverWait(laptop.driver, Duration.ofSeconds(30)).until(driver -> {
            List<String> shown = (List<String>) laptop.driver.executeScript("""
                    return [...document.querySelectorAll('#outpost-roster vaadin-button')]
                      .filter(button => button.checkVisibility()).map(button => button.id);""");
            return shown.stream().anyMatch(id -> id.endsWith("-" + student.id()))
                    && shown.stream().allMatch(id -> kept.contains(id.substring(id.lastIndexOf('-') + 1)));
        });
        laptop.awaitSettled();
    }

    /** Taps the step's button (a card: its serial typed, saved) and waits until the step is kept. */
    private void step(Browser laptop, String button, @Nullable String cardSerial) throws Exception {
        int kept = count(outpost, "SELECT COUNT(*) FROM outpost_operation");
        // The shown one: a grid keeps rows it no longer shows, hidden, with their old buttons and ids.
        WebElement target = new WebDriverWait(laptop.driver, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(By.id(button))
                        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        // In the middle of the window: not under the bar at its foot or a message in a corner.
        laptop.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' });", target);
        laptop.awaitSettled();
        target.click();
        if (cardSerial != null) {
            type(laptop, "#outpost-card-serial input", cardSerial);
            laptop.await(By.id("outpost-card-save")).click();
        }
        try {
            // Gone from sight: a grid keeps a row it no longer shows, hidden, with its old content.
            new WebDriverWait(laptop.driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(driver -> driver.findElements(By.id(button)).stream().noneMatch(WebElement::isDisplayed));
        } catch (org.openqa.selenium.TimeoutException stillThere) {
            laptop.screenshot("outpost-step-not-kept-" + button);
            throw stillThere;
        }
        awaitCount(outpost, "SELECT COUNT(*) FROM outpost_operation", kept + 1);
    }

    private record Student(long id, String name) {
    }

    /** A student of the visit untouched at the Dinas, 17 or older, print-ready in the register and holding no card. */
    private Student printReadyStudent() throws Exception {
        try (Connection db = dinas.database(); PreparedStatement select = db.prepareStatement("""
                SELECT s.id, s.full_name FROM schoolvisit_student s
                JOIN schoolvisit_visit v ON v.school_id = s.school_id JOIN schoolvisit_checkout c ON c.visit_id = v.id
                JOIN population_resident r ON r.nik = s.nik
                WHERE s.state = 'ON_ROSTER' AND s.field_step IS NULL AND r.enrolment_status = 'PRINT_READY'
                  AND r.birth_date <= CURDATE() - INTERVAL 17 YEAR
                  AND NOT EXISTS (SELECT 1 FROM population_card_print p WHERE p.resident_id = r.id)
                ORDER BY s.id LIMIT 1"""); ResultSet row = select.executeQuery()) {
            assertThat(row.next()).as("a print-ready student on the demo roster").isTrue();
            return new Student(row.getLong(1), row.getString(2));
        }
    }

    /** The roster's NIKs as the Dinas has them: none of them readable in any column of the laptop's roster. */
    private void assertNoNikInPlainText() throws Exception {
        Set<String> niks = strings(dinas, """
                SELECT s.nik FROM schoolvisit_student s JOIN schoolvisit_visit v ON v.school_id = s.school_id
                JOIN schoolvisit_checkout c ON c.visit_id = v.id""");
        assertThat(niks).isNotEmpty();
        List<String> rows = new ArrayList<>();
        try (Connection db = outpost.database(); PreparedStatement select = db.prepareStatement(
                "SELECT * FROM outpost_student"); ResultSet row = select.executeQuery()) {
            ResultSetMetaData columns = row.getMetaData();
            while (row.next()) {
                StringBuilder all = new StringBuilder();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    all.append(row.getString(column)).append('|');
                }
                rows.add(all.toString());
            }
        }
        assertThat(rows).as("the roster held, sealed").isNotEmpty();
        for (String nik : niks) {
            assertThat(rows).as("NIK in plain text on the laptop").noneMatch(row -> row.contains(nik));
        }
    }

    private String hashAtTheDinas() throws Exception {
        return strings(dinas, "SELECT password_hash FROM staff_account WHERE username = '" + OFFICER + "'")
                .iterator().next();
    }

    private static void awaitCount(Database node, String sql, int wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(node, sql) != wanted) {
            assertThat(System.nanoTime()).as(sql + " reaches " + wanted).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int count(Database node, String sql, Object... parameters) throws Exception {
        try (Connection db = node.database(); PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static Set<String> strings(Database node, String sql, Object... parameters) throws Exception {
        Set<String> values = new HashSet<>();
        try (Connection db = node.database(); PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
        }
        return values;
    }
}
