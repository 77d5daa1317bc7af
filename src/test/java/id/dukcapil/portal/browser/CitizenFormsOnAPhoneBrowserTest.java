package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.shared.ui.EmailPattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 54, item 7, on a phone (390 × 844, Chromium): the citizen's forms go on with Enter, as a phone's keyboard's
 * "Go" key sends it, and the fields of digits bring up the number pad — the hint on the {@code <input>} the phone
 * types into, not on the field around it.
 */
@PortalTest
class CitizenFormsOnAPhoneBrowserTest {

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;

    @Test
    void a_citizen_registers_enters_the_code_and_signs_in_with_enter_on_the_number_pad_where_digits_go() {
        String email = support.newEmail();
        try (Browser phone = new Browser(port, 390, 844)) {
            phone.open("bds/daftar");
            phone.await(By.cssSelector("#bds-full-name input")).sendKeys("Nining Rahayu");
            phone.driver.findElement(By.cssSelector("#bds-email input")).sendKeys(email);
            phone.driver.findElement(By.cssSelector("#bds-phone input")).sendKeys("081311112222");
            phone.driver.findElement(By.cssSelector("#bds-password input"))
                    .sendKeys(BookingTestSupport.PASSWORD + Keys.ENTER);

            By otp = By.cssSelector("#bds-otp input");
            phone.await(otp);
            assertThat(phone.driver.findElement(otp).getAttribute("inputmode")).as("the OTP's number pad")
                    .isEqualTo("numeric");
            assertThat(phone.driver.findElement(otp).getAttribute("autocomplete")).as("the code offered by the phone")
                    .isEqualTo("one-time-code");
            assertThat(phone.driver.findElement(otp).getAttribute("pattern")).isEqualTo("\\d{6}");
            phone.driver.findElement(otp).sendKeys(support.lastCodeTo(email) + Keys.ENTER);

            phone.await(By.id("bds-book")).click();
            for (String field : new String[] {"#bds-nik input", "#bds-kk input"}) {
                assertThat(phone.await(By.cssSelector(field)).getAttribute("inputmode")).as(field).isEqualTo("numeric");
            }
        }
        try (Browser phone = new Browser(port, 390, 844)) {
            phone.open("bds/masuk");
            phone.await(By.cssSelector("#bds-email input")).sendKeys(email);
            phone.driver.findElement(By.cssSelector("#bds-password input"))
                    .sendKeys(BookingTestSupport.PASSWORD + Keys.ENTER);
            phone.await(By.id("bds-book"));
        }
    }

    /**
     * Issue 55: the e-mail field's pattern, read by Chromium with the {@code v} flag, takes an address with an
     * apostrophe (as the service does) and still refuses one without a domain; a name typed after a space is not
     * marked wrong.
     */
    @Test
    void the_browser_takes_an_address_with_an_apostrophe_and_a_name_after_a_space() {
        try (Browser phone = new Browser(port, 390, 844)) {
            phone.open("bds/daftar");
            WebElement email = phone.await(By.cssSelector("#bds-email input"));
            assertThat(email.getAttribute("pattern")).isEqualTo(EmailPattern.REGEX);
            assertThat(phone.driver.executeScript(
                    "try { new RegExp(arguments[0], 'v'); return 'compiles'; } catch (e) { return String(e); }",
                    EmailPattern.REGEX)).isEqualTo("compiles");

            email.sendKeys("o'neil@example");
            assertThat(phone.driver.executeScript("return arguments[0].checkValidity()", email)).isEqualTo(false);
            email.sendKeys(".id");
            assertThat(phone.driver.executeScript("return arguments[0].checkValidity()", email)).isEqualTo(true);

            WebElement name = phone.driver.findElement(By.cssSelector("#bds-full-name input"));
            name.sendKeys("  Siti O'Neil");
            assertThat(phone.driver.executeScript("return arguments[0].checkValidity()", name)).isEqualTo(true);
            phone.driver.findElement(By.cssSelector("#bds-phone input")).click(); // the name and address left
            phone.awaitVaadinIdle();
            assertThat(phone.driver.findElement(By.id("bds-email")).getDomProperty("invalid")).isEqualTo("false");
            assertThat(phone.driver.findElement(By.id("bds-full-name")).getDomProperty("invalid")).isEqualTo("false");
        }
    }
}
