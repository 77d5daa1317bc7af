package id.dukcapil.portal.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteConfiguration;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.notification.demo.DemoMail;
import id.dukcapil.portal.notification.demo.DemoMailbox;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.security.access.AccessDeniedException;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The demo mailbox view, as a demo user reads an OTP in it. The test run sends to GreenMail, so the view is not
 * registered by itself here ({@link MailboxRoute} registers it only with the demo mailbox as transport): the test
 * registers it, and a message stored as the demo transport stores it (MIME, attachments included).
 */
@PortalTest
@WithUserDetails("admin")
class MailboxViewTests extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DemoMailbox mailbox;

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
                Timestamp.valueOf(aYearAhead().atTime(2, 0)), mime.getBytes());
        RouteConfiguration.forApplicationScope().setAnnotatedRoute(MailboxView.class);

        // Views are Spring proxies (method security): reach their parts through the component tree.
        navigate(MailboxView.class);
        test(find(TextField.class).id("mailbox-recipient")).setValue("mohon@"); // any part of the address
        Grid<DemoMail> mails = find(Grid.class).id("mailbox-grid");
        var grid = test(mails);
        assertThat(grid.size()).isEqualTo(1);
        grid.select(0);
        assertThat(find(Div.class).id("mailbox-reader").getElement().getTextRecursively()).contains("Kode OTP Anda: 314159",
                "Kode OTP Anda adalah 314159.");
    }

    @Test
    void a_demo_user_opens_the_ticket_attached_to_a_message() throws Exception {
        long id = stored("<ticket-view@dukcapil.test>", "tiket@example.id", "Tiket booking KTP-el",
                pdf("Tiket booking BKG-TEST-42"));
        RouteConfiguration.forApplicationScope().setAnnotatedRoute(MailboxView.class);
        navigate(MailboxView.class);
        test(find(TextField.class).id("mailbox-recipient")).setValue("tiket@example.id");
        Grid<DemoMail> mails = find(Grid.class).id("mailbox-grid");
        test(mails).select(0);

        Anchor ticket = find(Anchor.class).id("attachment-" + id + "-0");
        assertThat(ticket.getText()).contains("tiket-BKG-TEST-42.pdf");
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        test(ticket).download(saved);
        try (PDDocument document = Loader.loadPDF(saved.toByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains("Tiket booking BKG-TEST-42");
        }
    }

    @Test
    void a_demo_user_sorts_the_mailbox_by_recipient_and_by_time() throws Exception {
        long first = stored("<sort-b@dukcapil.test>", "urut-b@example.id", "Urut", pdf("Urut B"));
        long second = stored("<sort-a@dukcapil.test>", "urut-a@example.id", "Urut", pdf("Urut A"));
        RouteConfiguration.forApplicationScope().setAnnotatedRoute(MailboxView.class);
        navigate(MailboxView.class);
        test(find(TextField.class).id("mailbox-recipient")).setValue("urut-");
        Grid<DemoMail> mails = find(Grid.class).id("mailbox-grid");
        assertThat(test(mails).getRow(0).id()).as("the newest first").isEqualTo(second);
        mails.sort(GridSortOrder.asc(mails.getColumns().get(1)).build());
        assertThat(test(mails).getRow(0).recipient()).isEqualTo("urut-a@example.id");
        mails.sort(GridSortOrder.asc(mails.getColumns().get(0)).build());
        assertThat(test(mails).getRow(0).id()).as("the oldest first").isEqualTo(first);
    }

    @Test
    @WithUserDetails("operator")
    void only_the_roles_that_see_the_mailbox_may_read_its_attachments() throws Exception {
        long id = stored("<ticket-denied@dukcapil.test>", "tiket2@example.id", "Tiket booking KTP-el",
                pdf("Tiket booking BKG-TEST-43"));
        assertThatThrownBy(() -> mailbox.attachment(id, 0)).isInstanceOf(AccessDeniedException.class);
    }

    /** A message as the demo transport stores it: text and a PDF attachment, in MIME. */
    private long stored(String messageId, String to, String subject, byte[] pdf) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("no-reply@disdukcapil.bandungkab.go.id");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Tiket terlampir.", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new jakarta.activation.DataHandler(
                new jakarta.mail.util.ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName("tiket-BKG-TEST-" + (messageId.contains("denied") ? "43" : "42") + ".pdf");
        attachment.setDisposition(jakarta.mail.Part.ATTACHMENT);
        message.setContent(new MimeMultipart(text, attachment));
        message.saveChanges();
        message.setHeader("Message-ID", messageId);
        ByteArrayOutputStream mime = new ByteArrayOutputStream();
        message.writeTo(mime);
        jdbc.update("INSERT INTO notification_demo_mailbox (message_id, recipient, subject, delivered_at, mime) VALUES (?, ?, ?, ?, ?)",
                messageId, to, subject, Timestamp.valueOf(aYearAhead().atTime(3, 0)), mime.toByteArray());
        return jdbc.queryForObject("SELECT id FROM notification_demo_mailbox WHERE message_id = ?", Long.class, messageId);
    }

    /** The day, a year from today, the messages stored here were delivered on. */
    private LocalDate aYearAhead() {
        return TestDays.today(clock).plusYears(1);
    }

    private static byte[] pdf(String line) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 720);
                content.showText(line);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
