package id.dukcapil.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.notification.internal.NotificationProperties;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decision 182 in the outbox: a phone gets at most its daily cap of messages without a secret by WhatsApp and SMS
 * together, counted once for the cluster, the rest going on by e-mail; a phone proof's code is outside the cap; a
 * notice still waiting is replaced by a newer one of the same key.
 */
@PortalTest
class PhoneDayAndNoticeTests {

    private static final Locale INDONESIAN = Locale.of("id");

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired JdbcClient jdbcClient;
    @Autowired Throttles throttles;
    @Autowired TestClock clock;
    @Autowired NotificationProperties properties;
    @Autowired BookingTestSupport support;
    private final TestSmsc smsc = new TestSmsc();

    @Test
    void a_phone_at_its_daily_cap_gets_the_rest_by_e_mail_or_not_at_all_and_a_proof_code_still_goes() {
        String phone = support.newPhone();
        Throttle day = phoneDay(throttles);
        for (int i = 0; i < properties.phoneDailyCap() - 1; i++) {
            day.take(phone); // the day's messages but one, sent before
        }

        List<MessageRef> three = List.of(enqueue(Reach.chosen(Channel.SMS, phone)),
                enqueue(Reach.chosen(Channel.SMS, phone)), enqueue(Reach.chosen(Channel.SMS, phone)));
        List<String> channels = three.stream()
                .map(ref -> (String) OutboxRows.awaitRow(jdbc, ref.id(), "SENT", row -> "SENT".equals(row.get("state")))
                        .get("channel"))
                .toList();
        assertThat(channels).containsExactlyInAnyOrder("SMS", "EMAIL", "EMAIL");
        assertThat(smsc.receivedFor(phone.substring(1))).hasSize(1);
        MessageRef byEmail = three.get(channels.indexOf("EMAIL"));
        List<String> attempts = jdbc.queryForList("SELECT CONCAT(channel, ' ', outcome, ': ', answer) "
                + "FROM notification_attempt WHERE message_id = ? ORDER BY id", String.class, byEmail.id());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.getFirst()).isEqualTo("SMS SKIPPED: the phone had its " + properties.phoneDailyCap()
                + " messages of the day (decision 182)");
        assertThat(attempts.getLast()).startsWith("EMAIL SENT");

        MessageRef phoneOnly = enqueue(Reach.phoneOnly(Channel.SMS, phone));
        Map<String, Object> failed = OutboxRows.awaitRow(jdbc, phoneOnly.id(), "FAILED",
                row -> "FAILED".equals(row.get("state")));
        assertThat((String) failed.get("last_answer")).contains("messages of the day");

        MessageRef proof = transactions.execute(status -> outbox.enqueue(OutgoingMail.of(phone, "phone-proof",
                INDONESIAN, Map.of("code", "482913", "minutes", 10)).withKind(MessageKind.PROOF),
                Reach.phoneOnly(Channel.SMS, phone)));
        OutboxRows.awaitRow(jdbc, proof.id(), "SENT by SMS",
                row -> "SENT".equals(row.get("state")) && "SMS".equals(row.get("channel")));
        assertThat(smsc.receivedFor(phone.substring(1)).getLast().text()).contains("482913");

        Throttle onNodeB = phoneDay(new Throttles(jdbcClient, transactions, clock, 200_000));
        assertThat(onNodeB.spent(phone)).as("another node reads the same day from the database").isTrue();
    }

    @Test
    void a_text_the_gateway_refused_gives_its_place_in_the_day_back() {
        String phone = support.newPhone();
        smsc.script(phone.substring(1), new TestSmsc.Refuse(0x0B)); // ESME_RINVDSTADR: nothing accepted
        MessageRef ref = enqueue(Reach.chosen(Channel.SMS, phone));
        OutboxRows.awaitRow(jdbc, ref.id(), "SENT by EMAIL",
                row -> "SENT".equals(row.get("state")) && "EMAIL".equals(row.get("channel")));
        Throttle day = phoneDay(throttles);
        for (int i = 0; i < properties.phoneDailyCap(); i++) {
            assertThat(day.tryTake(phone)).as("place " + (i + 1) + " of the day is free").isTrue();
        }
        assertThat(day.tryTake(phone)).isFalse();
    }

    @Test
    void a_newer_notice_replaces_the_one_still_waiting_and_a_late_older_one_replaces_nothing_newer() {
        String notice = "test-notice/" + UUID.randomUUID();
        String email = support.newEmail();
        List<MessageRef> refs = transactions.execute(status -> List.of(
                outbox.enqueue(ticket(email, notice, "1")), outbox.enqueue(ticket(email, notice, "2")),
                outbox.enqueue(ticket(email, notice, "3"))));
        assertThat(state(refs.get(0))).isEqualTo("REPLACED");
        assertThat(state(refs.get(1))).isEqualTo("REPLACED");
        assertThat(jdbc.queryForObject("SELECT last_answer FROM notification_message WHERE id = ?", String.class,
                refs.get(0).id())).isEqualTo("Replaced by the newer notice " + refs.get(1).messageId());
        assertThat(jdbc.queryForObject("SELECT last_answer FROM notification_message WHERE id = ?", String.class,
                refs.get(1).id())).isEqualTo("Replaced by the newer notice " + refs.get(2).messageId());
        OutboxRows.awaitRow(jdbc, refs.get(2).id(), "SENT", row -> "SENT".equals(row.get("state")));

        // The first notice queued again (its listener run twice): it is found, and replaces nothing newer.
        MessageRef again = transactions.execute(status -> outbox.enqueue(ticket(email, notice, "1")));
        assertThat(again.id()).isEqualTo(refs.get(0).id());
        assertThat(state(refs.get(2))).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE recipient = ?", Integer.class,
                email)).isEqualTo(3);
    }

    private OutgoingMail ticket(String email, String notice, String once) {
        return OutgoingMail.of(email, "booking-reminder", INDONESIAN, model()).withOnceKey(notice + "/" + once)
                .withNoticeKey(notice);
    }

    private String state(MessageRef ref) {
        return jdbc.queryForObject("SELECT state FROM notification_message WHERE id = ?", String.class, ref.id());
    }

    private Throttle phoneDay(Throttles on) {
        return on.of("notification.phone.day", Limit.of(properties.phoneDailyCap(), Duration.ofDays(1)));
    }

    private MessageRef enqueue(Reach reach) {
        return transactions.execute(status -> outbox.enqueue(OutgoingMail.of(support.newEmail(), "booking-reminder",
                INDONESIAN, model()), reach));
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("name", "Siti Aminah");
        model.put("resident", "Siti Aminah");
        model.put("date", "Senin, 7 Desember 2026");
        model.put("point", "Disdukcapil Kab. Bandung");
        model.put("address", "Jl. Raya Soreang");
        model.put("hours", "08.00-15.00");
        model.put("code", "B-0042");
        model.put("queue", "A-007");
        model.put("history", "https://portal.example/bds/riwayat");
        return model;
    }
}
