package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.demo.DemoMailboxTransport;
import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.notification.demo.DemoMail;
import id.dukcapil.portal.notification.demo.DemoAttachment;
import id.dukcapil.portal.notification.demo.DemoMailbox;
import id.dukcapil.portal.notification.OutgoingMail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The demo profile's mailbox (the test run itself sends to GreenMail): what the demo transport stores, ADMIN
 * reads back as a mail client would, OTP and attachments included.
 */
@PortalTest
@WithUserDetails("admin")
class DemoMailboxTests {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired DemoMailbox mailbox;
    @Autowired NotificationProperties properties;

    @Test
    void a_demo_user_reads_the_otp_that_would_have_been_sent() throws Exception {
        DemoMailboxTransport demo = new DemoMailboxTransport(jdbc, clock);
        // The demo mailbox is the recipient's mailbox: it gets the secret, as a citizen's mailbox would.
        OutboxStore.Claimed message = new OutboxStore.Claimed(1, "<demo-1@dukcapil.test>", "warga@example.id", "otp",
                null, "Kode OTP Anda dari Disdukcapil", "Kode OTP Anda adalah {{secret:code}}.",
                java.util.Map.of("code", "700123"), 1,
                List.of(new OutgoingMail.Attachment("tiket.pdf", OutgoingMail.Attachment.PDF, "%PDF-1.4".getBytes())));
        String answer;
        try (MailTransport.Connection connection = demo.connect()) {
            answer = connection.deliver(MimeComposer.compose(message, properties.from(), Instant.now()));
        }
        assertThat(answer).startsWith("250 stored in the demo mailbox");

        DemoMail mail = mailbox.page("warga@", PageRequest.of(0, 10)).getContent().getFirst();
        assertThat(mail.recipient()).isEqualTo("warga@example.id");
        assertThat(mail.subject()).isEqualTo("Kode OTP Anda dari Disdukcapil");
        assertThat(mail.body()).contains("700123");
        assertThat(mail.messageId()).isEqualTo("<demo-1@dukcapil.test>");
        assertThat(mail.attachments()).containsExactly(new DemoAttachment(0, "tiket.pdf", "application/pdf"));
        assertThat(mailbox.attachment(mail.id(), 0).orElseThrow().content().readAllBytes())
                .isEqualTo("%PDF-1.4".getBytes());
        assertThat(mailbox.attachment(mail.id(), 1)).as("no second attachment").isEmpty();
    }

    @Test
    void with_a_mail_server_configured_the_outbox_does_not_deliver_into_the_demo_mailbox() {
        assertThat(mailbox.active()).isFalse();
    }
}
