package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.staff.StaffAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The citizens' site and every page reachable without a staff sign-in, walked on phones 360, 390 and 414 px wide in
 * both languages, each chosen with the page's own switch (issue 36, items 5 and 9): nothing cut, nothing scrolls
 * sideways, no button or field past the screen's edge, and the switch on every page showing the language chosen.
 */
@PortalTest
class PublicPagesBrowserTest {

    private static final int[] PHONES = {360, 390, 414};
    /** A point of its own: no other test's bookings on its days. */
    private static String point;

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;
    @Autowired BookingService bookings;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff, @Autowired JdbcTemplate jdbc,
                                   @Autowired BlankoStock stock, @Autowired UserDetailsService users) {
        point = CitizensPoint.named("UKL Kecamatan Uji Halaman", staff, jdbc, stock, users);
    }

    @Test
    void every_public_page_fits_a_phone_in_both_languages() {
        LocalDate day = support.dayOfItsOwn(point, 11);
        support.quota(point, day, 9);
        String email = support.newEmail();
        bookings.book(support.citizen(email), support.request(support.printReadyNiks(1).getFirst(), point, day), null,
                BookingJourney.none(), support.newClientAddress());
        String signed = jdbc.queryForObject(
                "SELECT token FROM signing_document WHERE state = 'SIGNED' ORDER BY id LIMIT 1", String.class);
        String proof = jdbc.queryForList("SELECT proof_token FROM recording_visit WHERE proof_token IS NOT NULL "
                + "ORDER BY id LIMIT 1", String.class).stream().findFirst().orElse("AAAAAAAAAAAAAAAAAAAAAAAA");
        List<String> pages = List.of("login", "bds/masuk", "bds/daftar", "bds/lupa-sandi", "verify",
                "verify/" + signed, "bukti/" + proof, "bukti/AAAAAAAAAAAAAAAAAAAAAAAA", "demo/ikd-app");
        List<String> signedIn = List.of("bds", "bds/booking?point=" + point, "bds/riwayat");

        List<String> findings = new ArrayList<>();
        try (Browser phone = new Browser(port, 390, 844)) {
            for (String language : List.of("Bahasa Indonesia", "English")) {
                phone.open("bds/masuk");
                phone.awaitSettled();
                phone.chooseLanguage(language); // kept for every page after it
                for (String page : pages) {
                    walk(phone, page, language, findings);
                }
                if (language.equals("Bahasa Indonesia")) {
                    signIn(phone, email);
                }
                for (String page : signedIn) {
                    walk(phone, page, language, findings);
                }
                phone.driver.findElement(By.cssSelector("[id^='cancel-']")).click(); // the cancel dialog
                phone.awaitTextAnywhere(language.equals("English") ? "Keep the booking" : "Jangan batalkan");
                look(phone, language + ", bds/riwayat's cancel dialog", findings);
            }
        }
        assertThat(findings).isEmpty();
    }

    /** Item 6: after an upload the QR code's page shows one verdict in colour, the file's. */
    @Test
    void a_file_checked_on_a_qr_page_leaves_one_verdict_in_colour() throws IOException {
        String signed = jdbc.queryForObject(
                "SELECT token FROM signing_document WHERE state = 'SIGNED' ORDER BY id LIMIT 1", String.class);
        Path unsigned = Files.createTempFile("tidak-bertanda-tangan", ".pdf");
        Files.writeString(unsigned, "%PDF-1.7 an unsigned file");
        try (Browser phone = new Browser(port, 390, 844)) {
            phone.open("verify/" + signed);
            phone.awaitSettled();
            assertThat(badges(phone, "success")).containsExactly("SAH");

            phone.upload("vaadin-upload", unsigned);
            phone.awaitTextAnywhere("Catatan Disdukcapil untuk kode QR ini");
            phone.awaitSettled();

            assertThat(badges(phone, "success")).as("no green verdict above the file's").isEmpty();
            assertThat(badges(phone, "error")).hasSize(1);
            phone.screenshot("verify-after-upload");
        } finally {
            Files.deleteIfExists(unsigned);
        }
    }

    private static void walk(Browser phone, String page, String language, List<String> findings) {
        phone.open(page);
        phone.awaitSettled();
        String step = language + ", " + page;
        if (!language.equals(phone.languageShown())) {
            findings.add(step + ": the language switch shows '" + phone.languageShown() + "'");
        }
        look(phone, step, findings);
    }

    private static void look(Browser phone, String step, List<String> findings) {
        for (int width : PHONES) {
            phone.resize(width, 844);
            phone.awaitSettled();
            findings.addAll(phone.findings(step + " at " + width + " px"));
            if (width == PHONES[0]) {
                phone.screenshot("public-" + step.replaceAll("[^A-Za-z0-9]+", "-") + "-" + width);
            }
            phone.controlsOutsideTheWindow().forEach(out -> findings.add(step + " at " + width + " px: past the edge " + out));
        }
        phone.resize(390, 844);
    }

    private static void signIn(Browser phone, String email) {
        phone.open("bds/masuk");
        phone.await(By.cssSelector("#bds-email input")).sendKeys(email);
        phone.driver.findElement(By.cssSelector("#bds-password input")).sendKeys(BookingTestSupport.PASSWORD);
        phone.driver.findElement(By.id("bds-sign-in")).click();
        phone.await(By.id("bds-book"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> badges(Browser phone, String theme) {
        return (List<String>) phone.driver.executeScript("""
                return [...document.querySelectorAll('span[theme~=badge]')]
                  .filter(badge => badge.getAttribute('theme').split(/\\s+/).includes(arguments[0]))
                  .map(badge => badge.textContent.trim());""", theme);
    }
}
