package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.RegistrationDesk;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Two small forms nobody had looked at in a browser (issue 36): the citizen's choice of channel on the BDS home, on a
 * phone, after the phone is proved on the same page (decision 182), and the registration desk's turn notice under a
 * new queue number, at the desk's 1440 × 900; each in both
 * languages, before and after the user acts on it, with nothing cut, nothing past the window and no message over the
 * field being typed in. The screenshots are for the eye (target/screenshots).
 */
@PortalTest
class ChannelAndTurnNoticeBrowserTest {

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;
    @Autowired RegistrationDesk registration;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void a_citizen_on_a_phone_chooses_whatsapp_for_the_portals_messages_in_both_languages() {
        String email = support.newEmail();
        support.citizen(email);
        List<String> findings = new ArrayList<>();
        try (Browser phone = new Browser(port, 390, 844)) {
            phone.open("bds/masuk");
            phone.await(By.cssSelector("#bds-email input")).sendKeys(email);
            phone.driver.findElement(By.cssSelector("#bds-password input")).sendKeys(BookingTestSupport.PASSWORD);
            phone.driver.findElement(By.id("bds-sign-in")).click();
            phone.await(By.id("bds-channel"));
            // WhatsApp before the phone is proved is refused, and the proof is beside the choice (decision 182).
            phone.driver.executeScript("document.getElementById('bds-channel').scrollIntoView({block: 'center'})");
            phone.driver.findElement(By.cssSelector("#bds-channel vaadin-radio-button:nth-of-type(2) label")).click();
            phone.awaitTextAnywhere("Nomor HP akun ini belum dibuktikan");
            phone.awaitSettled();
            phone.screenshot("bds-phone-unproved-id");
            findings.addAll(phone.findings("the phone not proved"));
            phone.controlsOutsideTheWindow().forEach(out -> findings.add("the phone not proved: past the edge " + out));
            String number = support.newPhone();
            WebElement typed = phone.driver.findElement(By.cssSelector("#bds-phone-number input"));
            typed.clear();
            typed.sendKeys(number.replace("+62", "0"));
            phone.driver.findElement(By.id("bds-phone-send")).click();
            phone.awaitTextAnywhere("Kode 6 angka dikirim lewat SMS ke " + number);
            phone.await(By.cssSelector("#bds-phone-code input"))
                    .sendKeys(BookingTestSupport.smsCodeTo(number.substring(1), 0));
            phone.awaitSettled();
            phone.screenshot("bds-phone-code-id");
            findings.addAll(phone.findings("the phone's code"));
            phone.driver.findElement(By.id("bds-phone-prove")).click();
            phone.awaitTextAnywhere("Nomor " + number + " sudah dibuktikan.");
            for (String language : List.of("Bahasa Indonesia", "English")) {
                String step = language + ", the channel choice";
                phone.chooseLanguage(language);
                phone.driver.executeScript("document.getElementById('bds-channel').scrollIntoView({block: 'center'})");
                phone.awaitSettled();
                phone.screenshot("bds-channel-" + (language.equals("English") ? "en" : "id"));
                findings.addAll(phone.findings(step));
                phone.controlsOutsideTheWindow().forEach(out -> findings.add(step + ": past the edge " + out));
                assertThat(radioHeights(phone)).as("each choice a thumb's height").allSatisfy(height ->
                        assertThat(height.doubleValue()).isGreaterThanOrEqualTo(36));

                phone.driver.findElement(By.cssSelector("#bds-channel vaadin-radio-button:nth-of-type("
                        + (language.equals("English") ? 3 : 2) + ") label")).click();
                phone.awaitTextAnywhere(language.equals("English") ? "Notification choice saved: SMS"
                        : "Pilihan pemberitahuan disimpan: WhatsApp");
                phone.awaitSettled();
                phone.screenshot("bds-channel-chosen-" + (language.equals("English") ? "en" : "id"));
                findings.addAll(phone.findings(step + ", chosen"));
                phone.controlsOutsideTheWindow().forEach(out -> findings.add(step + ", chosen: past the edge " + out));
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void the_registration_desk_asks_for_the_turn_notice_under_the_new_number_in_both_languages() {
        LocalDate today = LocalDate.now(clock);
        List<String> niks = RecordingTestSupport.residentsToRecord(jdbc, today, 2);
        List<String> findings = new ArrayList<>();
        try (Browser desk = new Browser(port, 1440, 900)) {
            DemoStaff.signIn(desk, "registrasi", jdbc);
            for (String language : List.of("id", "en")) {
                String step = language + ", the turn notice";
                // Documents in order, the biometric check to come: the desk reopens on the resident at that step.
                String nik = niks.get(language.equals("id") ? 0 : 1);
                SignedInAs.run(users, "registrasi", () -> RecordingTestSupport.checked(registration, nik));
                desk.driver.manage().addCookie(new Cookie("portal-lang", language));
                desk.open("registrasi");
                desk.await(By.id("recording-not-recorded")).click();
                desk.await(By.id("recording-ticket"));
                desk.driver.findElement(By.cssSelector("vaadin-details:has(#recording-turn-email) vaadin-details-summary"))
                        .click();
                desk.await(By.cssSelector("#recording-turn-email input"));
                desk.awaitSettled();
                desk.screenshot("registration-turn-notice-" + language);
                findings.addAll(desk.findings(step));

                desk.driver.findElement(By.cssSelector("#recording-turn-email input")).sendKeys("warga@contoh");
                desk.driver.findElement(By.id("recording-turn-ask")).click();
                desk.awaitTextAnywhere(language.equals("en") ? "Not a valid e-mail address" : "Alamat e-mail tidak valid");
                desk.awaitSettled();
                desk.screenshot("registration-turn-notice-refused-" + language);
                findings.addAll(desk.findings(step + ", a wrong address"));

                desk.driver.findElement(By.cssSelector("#recording-turn-email input")).sendKeys(".id");
                desk.driver.findElement(By.id("recording-turn-ask")).click();
                desk.awaitTextAnywhere(language.equals("en") ? "The turn notice for number" : "Pemberitahuan giliran");
                desk.awaitSettled();
                desk.screenshot("registration-turn-notice-asked-" + language);
                findings.addAll(desk.findings(step + ", asked"));
            }
        }
        assertThat(findings).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Number> radioHeights(Browser phone) {
        return (List<Number>) phone.driver.executeScript("""
                return [...document.querySelectorAll('#bds-channel vaadin-radio-button')]
                  .map(radio => Math.round(radio.getBoundingClientRect().height));""");
    }
}
