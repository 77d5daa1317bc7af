package id.dukcapil.portal.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteConfiguration;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.notification.demo.DemoMail;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The demo mailbox view, as a demo user reads an OTP in it. The test run sends to GreenMail, so the view is not
 * registered by itself here ({@link MailboxRoute} registers it only with the demo mailbox as transport): the test
 * registers it, and a message stored as the demo transport stores it.
 */
@PortalTest
@WithUserDetails("admin")
class MailboxViewTests extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void a_demo_user_reads_the_otp_in_the_mailbox() {
        String mime = """
                Message-ID: <otp-view@dukcapil.test>\r
                From: no-reply@disdukcapil.bandungkab.go.id\r
                To: pemohon@example.id\r
                Subject: Kode OTP Anda: 314159\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=UTF-8\r
                Content-Transfer-Encoding: 7bit\r
                \r
                Kode OTP Anda adalah 314159.\r
                """;
        jdbc.update("INSERT INTO notification_demo_mailbox (message_id, recipient, subject, delivered_at, mime) VALUES (?, ?, ?, ?, ?)",
                "<otp-view@dukcapil.test>", "pemohon@example.id", "Kode OTP Anda: 314159",
                Timestamp.valueOf(LocalDateTime.of(2027, 1, 4, 2, 0)), mime.getBytes());
        RouteConfiguration.forApplicationScope().setAnnotatedRoute(MailboxView.class);

        // Views are Spring proxies (method security): reach their parts through the component tree.
        navigate(MailboxView.class);
        test($(TextField.class).id("mailbox-recipient")).setValue("mohon@"); // any part of the address
        Grid<DemoMail> mails = $(Grid.class).id("mailbox-grid");
        var grid = test(mails);
        assertThat(grid.size()).isEqualTo(1);
        grid.select(0);
        assertThat($(Div.class).id("mailbox-reader").getElement().getTextRecursively()).contains("Kode OTP Anda: 314159",
                "Kode OTP Anda adalah 314159.");
    }
}
