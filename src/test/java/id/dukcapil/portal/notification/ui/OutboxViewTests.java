package id.dukcapil.portal.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.notification.MessageRef;
import id.dukcapil.portal.notification.MessageState;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.OutboxMessage;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.notification.TestMailServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/** ADMIN finds a failed e-mail in the outbox view and sends it again; sends a test e-mail. */
@PortalTest
@WithUserDetails("admin")
class OutboxViewTests extends SpringBrowserlessTest {

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired TestMailServer mailServer;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void admin_sends_a_failed_message_again() {
        Instant at = TestDays.at(TestDays.today(clock).plusYears(1), "09:00");
        clock.setInstant(at);
        MessageRef ref = transactions.execute(status -> outbox.enqueue(OutgoingMail.of("gagal@example.id", "test",
                Locale.of("id"), Map.of("recipient", "gagal@example.id"))));
        // The server refused it for good eight times (not due for the scheduled sender meanwhile).
        clock.setInstant(at.minus(Duration.ofHours(1)));
        jdbc.update("UPDATE notification_message SET state = 'FAILED', attempts = 8, last_answer = '550 mailbox full' WHERE id = ?",
                ref.id());

        // Views are Spring proxies (method security): reach their parts through the component tree.
        navigate(OutboxView.class);
        test(find(TextField.class).id("outbox-recipient")).setValue("gagal@");
        Grid<OutboxMessage> outbox = find(Grid.class).id("outbox-grid");
        var grid = test(outbox);
        assertThat(grid.getRow(0).id()).isEqualTo(ref.id());
        assertThat(grid.getRow(0).state()).isEqualTo(MessageState.FAILED);
        assertThat(grid.getRow(0).lastAnswer()).isEqualTo("550 mailbox full");
        Span answer = (Span) grid.getCellComponent(0, outbox.getColumns().size() - 2);
        assertThat(answer.getText()).as("the server's answer in the reader's language")
                .isEqualTo("Ditolak server surat (kode 550)");
        assertThat(answer.getTitle()).as("its own words kept for the admin").hasValue(
                "Jawaban server apa adanya: 550 mailbox full");

        clock.reset();
        GridInput.clickAction(outbox, 0, "send-again-");
        await().atMost(Duration.ofSeconds(15)).until(() -> !mailServer.receivedWithMessageId(ref.messageId()).isEmpty());
        // SENT commits just after the server's acceptance (the same transaction erases the secrets, decision 076).
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(jdbc.queryForObject(
                "SELECT state FROM notification_message WHERE id = ?", String.class, ref.id())));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'notification.message.resent' AND subject_id = ?",
                Long.class, String.valueOf(ref.id()))).isEqualTo(1);
    }

    @Test
    void admin_reads_the_outbox_oldest_first() {
        List<MessageRef> refs = transactions.execute(status -> java.util.stream.IntStream.range(0, 2)
                .mapToObj(i -> outbox.enqueue(OutgoingMail.of("urutan@example.id", "test", Locale.of("id"),
                        Map.of("recipient", "urutan@example.id")))).toList());
        navigate(OutboxView.class);
        test(find(TextField.class).id("outbox-recipient")).setValue("urutan@");
        Grid<OutboxMessage> outbox = find(Grid.class).id("outbox-grid");
        assertThat(test(outbox).getRow(0).id()).as("newest first").isEqualTo(refs.get(1).id());
        outbox.sort(GridSortOrder.asc(outbox.getColumns().getFirst()).build());
        assertThat(test(outbox).getRow(0).id()).as("oldest first, in the database").isEqualTo(refs.get(0).id());
        assertThat(outbox.getColumns().get(2).isSortable()).as("a year of messages is not sorted by recipient")
                .isFalse();
    }

    @Test
    void each_kind_of_server_answer_reads_in_words() {
        assertThat(ServerAnswers.of(MessageState.SENT, "250 2.0.0 OK queued as 4F2A")).isEqualTo(
                new ServerAnswers.Words("notification.answer.accepted", "250"));
        assertThat(ServerAnswers.of(MessageState.RETRY, "SMTPSendFailedException: 451 4.3.0 Try again later"))
                .isEqualTo(new ServerAnswers.Words("notification.answer.later", "451"));
        assertThat(ServerAnswers.of(MessageState.RETRY,
                "MailConnectException: Couldn't connect to host, port: mail.example.id, 587; timeout -1"))
                .as("a port is no reply code").isEqualTo(new ServerAnswers.Words("notification.answer.unreachable", ""));
        assertThat(ServerAnswers.of(MessageState.UNCERTAIN, "the sender stopped while handing it over"))
                .isEqualTo(new ServerAnswers.Words("notification.answer.uncertain", ""));
        assertThat(ServerAnswers.of(MessageState.PENDING, null)).isNull();
    }

    @Test
    void admin_checks_the_mail_settings_with_a_test_message() {
        navigate(OutboxView.class);
        test(find(EmailField.class).id("outbox-test-recipient")).setValue("admin-uji@example.id");
        test(find(Button.class).id("outbox-send-test")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> mailServer.received().stream().anyMatch(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals("admin-uji@example.id");
            } catch (Exception e) {
                return false;
            }
        }));
    }
}
