package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.ikd.IkdApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SOP E in two real browsers: the officer's desk on a laptop and the demo IKD app on a phone. The phone registers
 * and passes the face check; the desk shows the citizen without a reload; the officer shows the QR code; the phone
 * "photographs" it (the desk's QR image, uploaded); the desk changes live to "scanned"; the PIN from the e-mail
 * activates the IKD and the desk shows it done.
 */
@PortalTest
class IkdActivationBrowserTest {

    private static final Pattern CODE = Pattern.compile("Pendaftaran (IKD[A-Z0-9]{9})");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_desk_changes_live_as_the_phone_registers_scans_and_activates() throws Exception {
        try (Browser desk = new Browser(port, 1366, 800); Browser phone = new Browser(port, 390, 844)) {
            desk.signIn("ikd", PortalTest.DEMO_PASSWORD);
            desk.awaitText(By.tagName("h2"), "Selamat datang");
            desk.open("ikd");
            desk.await(By.id("ikd-report"));

            phone.open("demo/ikd-app");
            phone.await(By.tagName("h2"));
            click(phone, "Warga contoh");
            phone.await(By.cssSelector("#ikd-app-nik[has-value]"));
            click(phone, "DAFTAR");
            phone.awaitText(By.id("ikd-app-status"), "Terdaftar");
            Matcher code = CODE.matcher(phone.driver.findElement(By.id("ikd-app-status")).getText());
            assertThat(code.find()).isTrue();
            click(phone, "Wajah cocok");
            phone.awaitText(By.id("ikd-app-status"), "Wajah terverifikasi");
            phone.screenshot("ikd-app-phone");

            WebElement showQr = desk.await(By.id("qr-" + code.group(1))); // no reload: the desk polls
            showQr.click();
            String src = desk.await(By.id("ikd-qr")).getAttribute("src");
            desk.screenshot("ikd-desk-qr");
            Path photo = Files.createTempFile("qr-photo", ".png");
            Files.write(photo, Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
            phone.upload("vaadin-upload", photo);
            phone.awaitText(By.id("ikd-app-status"), "PIN dikirim");

            desk.awaitText(By.cssSelector(".ikd-qr"), "sudah memindai QR Code");
            String pin = IkdApp.pinFromTheEmail(jdbc, code.group(1));
            phone.driver.findElement(By.cssSelector("#ikd-app-pin input")).sendKeys(pin);
            click(phone, "AKTIFKAN");
            phone.awaitText(By.id("ikd-app-status"), "IKD aktif");
            desk.await(By.id("archive-" + code.group(1)));
            desk.screenshot("ikd-desk-activated");
        }
    }

    private static void click(Browser browser, String text) {
        browser.await(By.xpath("//vaadin-button[normalize-space(.)='" + text + "']")).click();
    }
}
