package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SOP A on a phone (390×844, Chromium): open BDS, register, enter the OTP from the e-mail, book a free day for a
 * NIK, and see the ticket with its barcode under Riwayat. The screenshots are the user guide's.
 */
@PortalTest
class CitizenJourneyBrowserTest {

    private static final String POINT = "UKL-320417";
    private static final String POINT_NAME = "UKL Kecamatan Cimaung";

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;

    @Test
    void a_citizen_on_a_phone_registers_books_and_finds_the_ticket() {
        LocalDate day = support.workingDay(7);
        support.quota(POINT, day, 9);
        String email = support.newEmail();
        String nik = support.printReadyNiks(1).getFirst();
        try (Browser browser = new Browser(port, 390, 844)) {
            browser.open("bds");
            browser.await(By.id("bds-open-register")).click();
            browser.await(By.cssSelector("#bds-full-name input")).sendKeys("Nining Rahayu");
            browser.driver.findElement(By.cssSelector("#bds-email input")).sendKeys(email);
            browser.driver.findElement(By.cssSelector("#bds-phone input")).sendKeys("081311112222");
            browser.driver.findElement(By.cssSelector("#bds-password input")).sendKeys(BookingTestSupport.PASSWORD);
            browser.screenshot("bds-register");
            browser.driver.findElement(By.id("bds-register")).click();

            browser.await(By.cssSelector("#bds-otp input")).sendKeys(support.lastCodeTo(email));
            browser.screenshot("bds-otp");
            browser.driver.findElement(By.id("bds-verify")).click();
            browser.await(By.id("bds-book")).click();

            var point = browser.await(By.cssSelector("#bds-point input"));
            point.sendKeys(POINT_NAME);
            browser.awaitText(By.tagName("vaadin-combo-box-item"), POINT_NAME);
            point.sendKeys(Keys.ENTER);
            WebElement cell = browser.await(By.id("day-" + day));
            assertThat(cell.getText()).as("the free places show in the cell").contains("9 tersisa");
            for (int width : new int[] {390, 360, 414}) {
                browser.resize(width, 844);
                assertThat(browser.cutTexts(".day-picker")).as("day cells cut at %d px", width).isEmpty();
                assertThat(browser.scrollsSideways()).as("sideways scroll at %d px", width).isFalse();
            }
            browser.resize(390, 844);
            cell.click();
            browser.await(By.cssSelector("#bds-nik input")).sendKeys(nik);
            browser.await(By.cssSelector("#bds-kk input")).sendKeys(support.kkOf(nik));
            browser.screenshot("bds-booking");
            browser.driver.findElement(By.id("bds-submit")).click();

            browser.awaitText(By.id("bds-tickets"), "Antrian 1");
            String tickets = browser.driver.findElement(By.id("bds-tickets")).getText();
            assertThat(tickets).contains("Terdaftar");
            assertThat(browser.driver.findElements(By.cssSelector("#bds-tickets img"))).hasSize(1);
            assertThat(browser.driver.findElements(By.cssSelector("#bds-tickets a[id^='download-']"))).hasSize(1);
            browser.screenshot("bds-riwayat");
        }
    }
}
