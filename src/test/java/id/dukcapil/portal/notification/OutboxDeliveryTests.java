package id.dukcapil.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.notification.internal.ChannelPort;
import id.dukcapil.portal.notification.internal.NotificationProperties;
import id.dukcapil.portal.notification.internal.OutboxSender;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** E-mail through the outbox to a real SMTP server (GreenMail), with the scheduled sender running as in production. */
@PortalTest
class OutboxDeliveryTests {

    private static final Locale INDONESIAN = Locale.of("id");
    private static final Duration DELIVERY = Duration.ofSeconds(15);

    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired TestMailServer mailServer;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired MeterRegistry meters;
    @Autowired NotificationProperties properties;

    @AfterEach
    void real_time_and_a_running_mail_server_again() {
        clock.reset();
        mailServer.start();
    }

    @Test
    void a_message_is_delivered_with_its_text_and_attachments() throws Exception {
        byte[] pdf = "%PDF-1.4\n% ticket A-0042\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        MessageRef ref = transactions.execute(status -> outbox.enqueue(
                OutgoingMail.of("siti@example.id", "otp", INDONESIAN,
                                Map.of("name", "Siti Aminah", "code", "482913", "minutes", 10))
                        .withAttachment("tiket-A-0042.pdf", OutgoingMail.Attachment.PDF, pdf)
                        .withAttachment("qr.png", OutgoingMail.Attachment.PNG, png)));

        MimeMessage received = awaitDelivered(ref);
        assertThat(received.getSubject()).isEqualTo("Kode OTP Anda dari Disdukcapil");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("siti@example.id");
        assertThat(received.getFrom()[0].toString()).contains("no-reply@disdukcapil.bandungkab.go.id");
        List<Part> parts = new ArrayList<>();
        flatten(received, parts);
        assertThat(parts.stream().filter(part -> isText(part)).map(OutboxDeliveryTests::text).findFirst().orElseThrow())
                .contains("Yth. Siti Aminah", "Kode OTP Anda adalah 482913", "berlaku 10 menit");
        Part ticket = parts.stream().filter(part -> "tiket-A-0042.pdf".equals(fileName(part))).findFirst().orElseThrow();
        assertThat(ticket.getContentType()).startsWith("application/pdf");
        assertThat(bytes(ticket)).isEqualTo(pdf);
        Part qr = parts.stream().filter(part -> "qr.png".equals(fileName(part))).findFirst().orElseThrow();
        assertThat(qr.getContentType()).startsWith("image/png");
        assertThat(bytes(qr)).isEqualTo(png);

        Map<String, Object> row = jdbc.queryForMap("SELECT state, attempts, last_answer FROM notification_message WHERE id = ?", ref.id());
        assertThat(row.get("state")).isEqualTo("SENT");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_answer")).startsWith("250");
    }

    @Test
    void an_english_speaking_recipient_gets_the_english_text() throws Exception {
        MessageRef ref = transactions.execute(status -> outbox.enqueue(OutgoingMail.of("john@example.com", "otp",
                Locale.ENGLISH, Map.of("name", "John", "code", "111222", "minutes", 5))));
        MimeMessage received = awaitDelivered(ref);
        assertThat(received.getSubject()).isEqualTo("Your OTP code from Disdukcapil");
        assertThat(text(received)).contains("Dear John", "Your OTP code is 111222", "valid for 5 minutes");
    }

    @Test
    void a_secret_reaches_the_recipient_but_not_the_subject_nor_the_outbox_once_sent() throws Exception {
        byte[] qr = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 7, 7, 7};
        MessageRef ref = transactions.execute(status -> outbox.enqueue(
                OutgoingMail.of("rahasia@example.id", "otp", INDONESIAN,
                                Map.of("name", "Rahmat", "code", "907311", "minutes", 10))
                        .withSecretAttachment("qr.png", OutgoingMail.Attachment.PNG, qr)));
        assertThat(storedText(ref)).as("not even while waiting to be sent").doesNotContain("907311");

        MimeMessage received = awaitDelivered(ref);
        assertThat(received.getSubject()).doesNotContain("907311");
        assertThat(text(received)).contains("Kode OTP Anda adalah 907311");
        List<Part> parts = new ArrayList<>();
        flatten(received, parts);
        assertThat(bytes(parts.stream().filter(part -> "qr.png".equals(fileName(part))).findFirst().orElseThrow()))
                .isEqualTo(qr);

        await().atMost(DELIVERY).until(() -> "SENT".equals(state(ref)));
        assertThat(storedText(ref)).doesNotContain("907311");
        assertThat(jdbc.queryForObject("SELECT secret_values FROM notification_message WHERE id = ?", String.class,
                ref.id())).isNull();
        assertThat(jdbc.queryForObject("SELECT LENGTH(content) FROM notification_attachment WHERE message_id = ?",
                Integer.class, ref.id())).as("the QR code is erased").isZero();
    }

    @Test
    void an_address_sent_its_throttles_worth_gets_the_rest_a_minute_later_none_dropped() {
        ChannelPort.Throttle throttle = properties.emailThrottle();
        String to = "banjir-" + UUID.randomUUID() + "@example.id";
        List<MessageRef> refs = transactions.execute(status -> IntStream.range(0, throttle.messages() + 2)
                .mapToObj(i -> outbox.enqueue(OutgoingMail.of(to, "otp", INDONESIAN,
                        Map.of("name", "Banjir", "code", Integer.toString(100_000 + i), "minutes", 10))))
                .toList());

        await().atMost(DELIVERY).until(() -> states(refs).getOrDefault("SENT", 0L) == throttle.messages());
        Instant firstSent = jdbc.queryForObject("SELECT MIN(sent_at) FROM notification_message WHERE recipient = ?",
                Timestamp.class, to).toInstant();
        assertThat(states(refs)).as("the rest wait, none dropped").containsEntry("PENDING", 2L);
        assertThat(jdbc.queryForList("SELECT next_attempt_at FROM notification_message WHERE recipient = ? "
                + "AND state = 'PENDING'", Timestamp.class, to)).allSatisfy(due -> assertThat(due.toInstant())
                .isAfterOrEqualTo(firstSent.plus(throttle.within())));
        assertThat(refs.stream().mapToInt(ref -> mailServer.receivedWithMessageId(ref.messageId()).size()).sum())
                .isEqualTo(throttle.messages());

        clock.setInstant(firstSent.plus(throttle.within()).plusSeconds(1));
        await().atMost(DELIVERY).until(() -> states(refs).getOrDefault("SENT", 0L) == refs.size());
        assertThat(refs).allSatisfy(ref -> assertThat(mailServer.receivedWithMessageId(ref.messageId())).hasSize(1));
    }

    private Map<String, Long> states(List<MessageRef> refs) {
        Map<String, Long> states = new HashMap<>();
        refs.forEach(ref -> states.merge(state(ref), 1L, Long::sum));
        return states;
    }

    /** Every text column of the stored message, as someone reading the database would see it. */
    private String storedText(MessageRef ref) {
        return jdbc.queryForObject("""
                SELECT CONCAT_WS('|', subject, body, COALESCE(last_answer, '')) FROM notification_message WHERE id = ?""",
                String.class, ref.id());
    }

    @Test
    void a_message_whose_action_rolls_back_is_never_sent() throws Exception {
        String messageId = transactions.execute(status -> {
            MessageRef ref = outbox.enqueue(OutgoingMail.of("rolled-back@example.id", "test", INDONESIAN,
                    Map.of("recipient", "rolled-back@example.id")));
            status.setRollbackOnly();
            return ref.messageId();
        });
        // A later message is delivered: the sender has had its chance at the rolled-back one, which is gone.
        awaitDelivered(transactions.execute(status -> outbox.enqueue(OutgoingMail.of("later@example.id", "test",
                INDONESIAN, Map.of("recipient", "later@example.id")))));
        assertThat(mailServer.receivedWithMessageId(messageId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE message_id = ?", Long.class,
                messageId)).isZero();
    }

    @Test
    void outside_a_transaction_or_to_an_unusable_address_nothing_is_queued() {
        OutgoingMail mail = OutgoingMail.of("a@example.id", "test", INDONESIAN, Map.of("recipient", "x"));
        assertThatThrownBy(() -> outbox.enqueue(mail))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        assertThatThrownBy(() -> transactions.execute(status -> outbox.enqueue(
                OutgoingMail.of("not an address", "test", INDONESIAN, Map.of("recipient", "x")))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("notification.recipient.invalid");
    }

    @Test
    void with_the_server_down_a_message_is_retried_and_delivered_once_when_the_server_returns() throws Exception {
        Instant start = TestDays.at(TestDays.nextMonday(clock), "09:00");
        clock.setInstant(start);
        mailServer.stop();
        MessageRef ref = transactions.execute(status -> outbox.enqueue(OutgoingMail.of("budi@example.id", "test",
                INDONESIAN, Map.of("recipient", "budi@example.id"))));

        await().atMost(DELIVERY).until(() -> "RETRY".equals(state(ref)));
        Map<String, Object> retry = jdbc.queryForMap(
                "SELECT attempts, next_attempt_at, last_answer FROM notification_message WHERE id = ?", ref.id());
        assertThat(retry.get("attempts")).isEqualTo(1);
        assertThat((String) retry.get("last_answer")).containsIgnoringCase("connect");
        // Ten seconds later, still down: the second attempt fails too, and the next waits thirty seconds.
        clock.advance(Duration.ofSeconds(11));
        await().atMost(DELIVERY).until(() -> attempts(ref) == 2 && "RETRY".equals(state(ref)));

        mailServer.start();
        clock.advance(Duration.ofSeconds(20));
        new SenderRuns(meters).awaitWhole(2);
        assertThat(state(ref)).as("not due before its back-off has passed").isEqualTo("RETRY");
        clock.advance(Duration.ofSeconds(11));
        awaitDelivered(ref);
        new SenderRuns(meters).awaitWhole(2);
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).hasSize(1);
        assertThat(attempts(ref)).isEqualTo(3);
    }

    @Test
    void two_senders_racing_deliver_every_message_exactly_once() throws Exception {
        List<MessageRef> refs = transactions.execute(status -> {
            List<MessageRef> queued = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                queued.add(outbox.enqueue(OutgoingMail.of("race-" + i + "@example.id", "test", INDONESIAN,
                        Map.of("recipient", "race-" + i))));
            }
            return queued;
        });
        // Two more runs next to the scheduled one, as if three nodes ignored the lock.
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(sender::deliverDue);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(sender::deliverDue);
        first.get();
        second.get();
        for (MessageRef ref : refs) {
            awaitDelivered(ref);
        }
        new SenderRuns(meters).awaitWhole(2);
        for (MessageRef ref : refs) {
            assertThat(mailServer.receivedWithMessageId(ref.messageId())).as(ref.messageId()).hasSize(1);
            assertThat(attempts(ref)).isEqualTo(1);
        }
    }

    @Test
    void a_message_queued_again_with_its_once_key_is_one_message_sent_once() throws Exception {
        OutgoingMail mail = OutgoingMail.of("once@example.id", "test", INDONESIAN, Map.of("recipient", "once"))
                .withOnceKey("test-once/" + UUID.randomUUID());
        // Two listener runs queue it at once (two nodes), a third later.
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<MessageRef>> both = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            both.add(CompletableFuture.supplyAsync(() -> {
                meet(together);
                return transactions.execute(status -> outbox.enqueue(mail));
            }));
        }
        MessageRef first = both.get(0).get();
        assertThat(both.get(1).get()).isEqualTo(first);
        MessageRef later = transactions.execute(status -> outbox.enqueue(mail));
        assertThat(later).isEqualTo(first);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE message_id = ?", Integer.class,
                first.messageId())).isEqualTo(1);
        awaitDelivered(first);
        new SenderRuns(meters).awaitWhole(2);
        assertThat(mailServer.receivedWithMessageId(first.messageId())).hasSize(1);
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MimeMessage awaitDelivered(MessageRef ref) {
        await().atMost(DELIVERY).until(() -> !mailServer.receivedWithMessageId(ref.messageId()).isEmpty()
                && "SENT".equals(state(ref)));
        return mailServer.receivedWithMessageId(ref.messageId()).getFirst();
    }

    private String state(MessageRef ref) {
        return jdbc.queryForObject("SELECT state FROM notification_message WHERE id = ?", String.class, ref.id());
    }

    private int attempts(MessageRef ref) {
        return jdbc.queryForObject("SELECT attempts FROM notification_message WHERE id = ?", Integer.class, ref.id());
    }

    private static void flatten(Part part, List<Part> parts) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                flatten(child, parts);
            }
        } else {
            parts.add(part);
        }
    }

    private static boolean isText(Part part) {
        try {
            return part.isMimeType("text/plain") && part.getFileName() == null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) {
        try {
            if (part.isMimeType("multipart/*")) {
                List<Part> parts = new ArrayList<>();
                flatten(part, parts);
                return parts.stream().filter(OutboxDeliveryTests::isText).map(OutboxDeliveryTests::text).findFirst()
                        .orElseThrow();
            }
            return (String) part.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Part part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.getDataHandler().writeTo(out);
        return out.toByteArray();
    }
}
