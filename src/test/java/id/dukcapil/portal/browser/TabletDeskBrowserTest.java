package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The counter desk and the KK operator on an upright tablet (800 × 1280), as the walk looks at the desktop: at
 * every step of their work nothing is cut, nothing scrolls sideways and every row's actions are in sight; the counter
 * in both languages.
 */
@PortalTest
class TabletDeskBrowserTest {

    private static final String POINT = "DINAS";

    @LocalServerPort int port;
    @Autowired BookingService bookings;
    @Autowired BookingTestSupport booking;
    @Autowired KkPrintTestSupport kkPrint;
    @Autowired BlankoStock stock;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    /** The operator signed in on a tablet (800 × 1280), at the view the route names, once it has settled. */
    private Browser operatorAt(String route) {
        Browser tablet = new Browser(port, 800, 1280);
        try {
            tablet.signIn("operator", PortalTest.DEMO_PASSWORD);
            try {
                tablet.await(By.tagName("h2"));
            } catch (org.openqa.selenium.TimeoutException notIn) {
                throw DemoStaff.notIn("operator", jdbc, tablet, notIn);
            }
            tablet.open(route);
            tablet.awaitSettled();
            return tablet;
        } catch (RuntimeException | AssertionError failed) {
            tablet.close(); // the caller's try-with-resources never gets it
            throw failed;
        }
    }

    /**
     * Issue 54, item 4: the Enter a barcode scanner sends after each scan, pressed while the counter asks whether to
     * mark the day's waiting bookings absent, marks nobody: the focus is on the safe choice. The red button still
     * marks them.
     */
    @Test
    void an_enter_in_the_no_shows_question_marks_nobody_absent() {
        LocalDate day = booking.workingDay(16 + (int) Math.floorMod(System.nanoTime(), 10L));
        booking.room(POINT, day, 50);
        Booking booked = bookings.book(booking.citizen(), booking.request(booking.printReadyNiks(1).getFirst(), POINT,
                day), null, BookingJourney.none(), booking.newClientAddress()).booking();
        clock.setInstant(day.atTime(23, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
        try (Browser tablet = operatorAt("counter")) {
            tablet.await(By.id("counter-no-shows")).click();
            awaitFocusInTheQuestion(tablet);
            new org.openqa.selenium.interactions.Actions(tablet.driver).sendKeys(Keys.ENTER).perform();
            new org.openqa.selenium.support.ui.WebDriverWait(tablet.driver, java.time.Duration.ofSeconds(30))
                    .until(driver -> (Boolean) tablet.driver.executeScript(
                            "return ![...document.querySelectorAll('vaadin-confirm-dialog')].some(d => d.opened);"));
            tablet.awaitSettled();
            assertThat(status(booked)).as("Enter marks nobody absent").isEqualTo("BOOKED");

            tablet.await(By.id("counter-no-shows")).click();
            awaitFocusInTheQuestion(tablet);
            tablet.driver.executeScript("""
                    const deep = (root, found = []) => { for (const el of root.querySelectorAll('*')) {
                      if (el.localName === 'vaadin-button') found.push(el); if (el.shadowRoot) deep(el.shadowRoot, found); }
                      return found; };
                    deep(document).find(button => (button.getAttribute('theme') || '').includes('error')
                      && button.closest('vaadin-confirm-dialog')).click();""");
            new org.openqa.selenium.support.ui.WebDriverWait(tablet.driver, java.time.Duration.ofSeconds(30))
                    .until(driver -> "NO_SHOW".equals(status(booked)));
        }
    }

    /** Until the counter's question has opened and given a button the focus. */
    private static void awaitFocusInTheQuestion(Browser tablet) {
        new org.openqa.selenium.support.ui.WebDriverWait(tablet.driver, java.time.Duration.ofSeconds(30))
                .until(driver -> (Boolean) tablet.driver.executeScript("""
                        let focused = document.activeElement;
                        while (focused && focused.shadowRoot && focused.shadowRoot.activeElement) {
                          focused = focused.shadowRoot.activeElement;
                        }
                        return [...document.querySelectorAll('vaadin-confirm-dialog')].some(d => d.opened)
                          && !!focused && !!focused.closest && !!focused.closest('vaadin-button');"""));
    }

    private String status(Booking booked) {
        return jdbc.queryForObject("SELECT status FROM booking_booking WHERE code = ?", String.class, booked.code());
    }

    @Test
    void the_counter_clerk_checks_a_citizen_in_and_prints_the_card_on_a_tablet() {
        LocalDate day = booking.workingDay(15);
        booking.room(POINT, day, 50);
        CitizenSession citizen = booking.citizen();
        Booking booked = bookings.book(citizen, booking.request(booking.printReadyNiks(1).getFirst(), POINT, day), null,
                BookingJourney.none(), booking.newClientAddress()).booking();
        SignedInAs.run(users, "perencana", () -> stock.receive(POINT, 5, "SJ-TABLET-" + System.nanoTime()));
        clock.setInstant(day.atTime(9, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());

        try (Browser tablet = operatorAt("counter")) {
            List<String> findings = new ArrayList<>();
            findings.addAll(tablet.findings("the empty counter"));

            // A code the counter does not know: the message comes with the field emptied and focused for the next
            // scan, and must not lie over it.
            field(tablet, "Kode booking").sendKeys("KODE-TIDAK-ADA" + Keys.ENTER);
            tablet.awaitTextAnywhere("tidak ditemukan");
            tablet.awaitSettled();
            findings.addAll(tablet.findings("a code not found"));

            field(tablet, "Kode booking").sendKeys(booked.code() + Keys.ENTER);
            tablet.awaitText(By.tagName("vaadin-app-layout"), booked.residentName());
            tablet.awaitSettled();
            findings.addAll(tablet.findings("the citizen checked in"));

            // A card printed before needs its reason: the clerk picks the first offered (the first card has it chosen).
            tablet.driver.executeScript("""
                    const reasons = document.querySelector('vaadin-radio-group');
                    if (reasons && !reasons.value) reasons.querySelector('vaadin-radio-button input').click();""");
            button(tablet, "Tercetak").click();
            tablet.awaitTextAnywhere("satu blanko dipakai"); // "KTP-el booking … tercetak; satu blanko dipakai."
            tablet.awaitSettled();
            findings.addAll(tablet.findings("the card printed"));
            tablet.chooseLanguage("English");
            findings.addAll(tablet.findings("the counter in English"));

            assertThat(findings).isEmpty();
        }
    }

    @Test
    void the_kk_operator_opens_a_request_and_reads_the_family_on_a_tablet() {
        String tracking = kkPrint.submitted();

        try (Browser tablet = operatorAt("kk/operator")) {
            List<String> findings = new ArrayList<>();
            findings.addAll(tablet.findings("the inbox"));

            field(tablet, "").sendKeys(tracking + Keys.ENTER); // the request-number search, with no label
            tablet.awaitTextAnywhere("Kelahiran anak ketiga"); // the request's own words, in its dialog only
            tablet.awaitSettled();
            findings.addAll(tablet.findings("the request and its family"));

            assertThat(findings).isEmpty();
        }
    }

    /** The input of the first visible text field with that label, as a clerk finds it by its label. */
    private static WebElement field(Browser tablet, String label) {
        return (WebElement) tablet.driver.executeScript("""
                const field = [...document.querySelectorAll('vaadin-text-field')]
                  .find(field => (field.label || '') === arguments[0] && field.offsetParent !== null);
                return field.querySelector('input');""", label);
    }

    private static WebElement button(Browser tablet, String text) {
        return tablet.driver.findElement(By.xpath("//vaadin-button[normalize-space(.)='" + text + "']"));
    }
}
