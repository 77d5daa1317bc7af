package id.dukcapil.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.notification.TestCloudApi;
import id.dukcapil.portal.notification.TestSmsc;
import id.dukcapil.portal.packaged.PortalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 38's crash suite: the packaged portal drains reminders to a WhatsApp Cloud API peer (HTTPS) and an SMPP
 * gateway, both run by this test, and its JVM is killed ({@code kill -9}) in the middle. It comes back without a
 * hand, and then: no phone got its message twice from either peer, every message ends SENT or UNCERTAIN (none lost,
 * none stuck), those left UNCERTAIN are no more than the sender's lanes had handed over without a recorded answer (a
 * group each, decision 156) and none of them was sent again (decision 078), and every SENT one was taken by its peer
 * exactly once and has its attempt logged.
 * <p>
 * The reminders are queued as rows of the outbox, as {@code Outbox.enqueue} writes them (the reminder job only runs
 * at its hours): the sender, its lanes and its recovery are what this suite kills.
 */
class ChannelDrainCrashIT {

    private static final int PER_CHANNEL = 1_500;
    /** Each channel's lanes (decision 152), the production default, set here so the bound below names them. */
    private static final int WHATSAPP_WINDOW = 4;
    private static final int SMS_WINDOW = 4;
    /** What each lane hands over in one commit (decision 156), the production default. */
    private static final int HAND_OVER_GROUP = 10;
    /** Each message its own phone, so that a phone's count at a peer is its message's count. */
    private static final String WHATSAPP_PHONES = "62815";
    private static final String SMS_PHONES = "62816";

    private PortalProcess portal;
    private Path folder;

    @AfterEach
    void stopThePortal() throws Exception {
        if (portal != null) {
            portal.stop();
        }
        FileSystemUtils.deleteRecursively(folder);
    }

    @Test
    void a_portal_killed_while_it_sends_whatsapp_and_sms_sends_nothing_twice_and_loses_nothing() throws Exception {
        TestCloudApi.Started cloudApi = TestCloudApi.startOnce();
        int smsc = TestSmsc.startOnce();
        folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-channels-");
        portal = new PortalProcess(folder, Map.ofEntries(
                Map.entry("WHATSAPP_BASE_URL", "https://127.0.0.1:" + cloudApi.port()),
                Map.entry("WHATSAPP_API_VERSION", TestCloudApi.VERSION),
                Map.entry("WHATSAPP_PHONE_NUMBER_ID", TestCloudApi.PHONE_NUMBER_ID),
                Map.entry("WHATSAPP_ACCESS_TOKEN", TestCloudApi.ACCESS_TOKEN),
                Map.entry("WHATSAPP_APP_SECRET", TestCloudApi.APP_SECRET),
                Map.entry("WHATSAPP_VERIFY_TOKEN", TestCloudApi.VERIFY_TOKEN),
                Map.entry("SMPP_HOST", "127.0.0.1"), Map.entry("SMPP_PORT", Integer.toString(smsc)),
                Map.entry("SMPP_SYSTEM_ID", TestSmsc.SYSTEM_ID), Map.entry("SMPP_PASSWORD", TestSmsc.PASSWORD),
                Map.entry("WHATSAPP_WINDOW", Integer.toString(WHATSAPP_WINDOW)),
                Map.entry("SMPP_WINDOW", Integer.toString(SMS_WINDOW)),
                Map.entry("WHATSAPP_HAND_OVER_GROUP", Integer.toString(HAND_OVER_GROUP)),
                Map.entry("SMPP_HAND_OVER_GROUP", Integer.toString(HAND_OVER_GROUP))),
                "--spring.ssl.bundle.pem.cloud-api-peer.truststore.certificate=file:"
                        + cloudApi.certificatePem().toAbsolutePath(),
                "--portal.notification.whatsapp.ssl-bundle=cloud-api-peer");
        portal.start();

        long first = queue();
        awaitSent(first, PER_CHANNEL / 2, Duration.ofMinutes(5));
        portal.killJvm();
        int takenAtKill = new TestCloudApi().received().size() + new TestSmsc().received().size();
        long ready = portal.start();
        awaitSettled(first, Duration.ofMinutes(10));

        Map<String, Long> states = states(first);
        System.out.printf("CRASH channels: killed after the peers took %d of %d, ready again in %d ms, settled as %s%n",
                takenAtKill, 2 * PER_CHANNEL, ready, states);
        assertThat(states.keySet()).as("every message SENT or UNCERTAIN, none waiting or lost")
                .isSubsetOf("SENT", "UNCERTAIN");
        assertThat(states.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * PER_CHANNEL);
        // At the kill, each lane had at most one group handed over without its answers recorded (decision 156):
        // WHATSAPP_WINDOW + SMS_WINDOW lanes. The peers' counts below show that none of them was sent again.
        assertThat(states.getOrDefault("UNCERTAIN", 0L)).as("only what was in flight is uncertain")
                .isLessThanOrEqualTo((WHATSAPP_WINDOW + SMS_WINDOW) * HAND_OVER_GROUP);

        Map<String, Long> whatsApp = countByPhone(new TestCloudApi().received().stream()
                .map(TestCloudApi.Received::to).filter(to -> to.startsWith(WHATSAPP_PHONES)).toList());
        Map<String, Long> sms = countByPhone(new TestSmsc().received().stream()
                .map(TestSmsc.Received::to).filter(to -> to.startsWith(SMS_PHONES)).toList());
        assertThat(whatsApp.values()).as("no WhatsApp message twice").allMatch(count -> count == 1);
        assertThat(sms.values()).as("no SMS twice").allMatch(count -> count == 1);

        try (Connection db = portal.database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT m.phone, m.channel, m.state, (SELECT COUNT(*) FROM notification_attempt a
                         WHERE a.message_id = m.id AND a.outcome = 'SENT') FROM notification_message m
                     WHERE m.id >= %d AND m.message_id LIKE '<crash-channels-%%'""".formatted(first))) {
            while (rows.next()) {
                String phone = rows.getString(1).substring(1);
                Map<String, Long> peer = rows.getString(2).equals("WHATSAPP") ? whatsApp : sms;
                if (rows.getString(3).equals("SENT")) {
                    assertThat(peer.get(phone)).as("SENT " + phone + " was taken by its peer once").isEqualTo(1L);
                    assertThat(rows.getInt(4)).as("SENT " + phone + " has its attempt logged").isEqualTo(1);
                } else {
                    assertThat(peer.getOrDefault(phone, 0L)).as("uncertain " + phone + " at most once")
                            .isLessThanOrEqualTo(1L);
                }
            }
        }
        assertThat(whatsApp.size() + sms.size()).as("the peers took only the outbox's messages")
                .isLessThanOrEqualTo(2 * PER_CHANNEL);
    }

    /** The reminders, half for WhatsApp (falling back to SMS, then e-mail), half for SMS; returns the first id. */
    private long queue() throws Exception {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        try (Connection db = portal.database()) {
            db.setAutoCommit(false);
            try (PreparedStatement message = db.prepareStatement("""
                    INSERT INTO notification_message (message_id, recipient, template_key, locale, subject, body, state,
                        attempts, created_at, next_attempt_at, channel, fallbacks, phone, kind)
                    VALUES (?, ?, 'booking-reminder', 'id', 'Pengingat booking', 'Besok cetak KTP-el.', 'PENDING', 0, ?,
                        ?, ?, ?, ?, 'REMINDER')""", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement text = db.prepareStatement(
                         "INSERT INTO notification_channel_text (message_id, channel, template, text) VALUES (?, ?, ?, ?)")) {
                long first = 0;
                for (int i = 0; i < 2 * PER_CHANNEL; i++) {
                    boolean whatsApp = i % 2 == 0;
                    String phone = "+" + (whatsApp ? WHATSAPP_PHONES : SMS_PHONES) + (1_000_000 + i);
                    message.setString(1, "<crash-channels-" + i + "-" + System.nanoTime() + "@portal.test>");
                    message.setString(2, "warga-" + i + "@example.id");
                    message.setTimestamp(3, now);
                    message.setTimestamp(4, now);
                    message.setString(5, whatsApp ? "WHATSAPP" : "SMS");
                    message.setString(6, whatsApp ? "SMS,EMAIL" : "EMAIL");
                    message.setString(7, phone);
                    message.executeUpdate();
                    long id;
                    try (ResultSet key = message.getGeneratedKeys()) {
                        key.next();
                        id = key.getLong(1);
                    }
                    first = i == 0 ? id : first;
                    text.setLong(1, id);
                    text.setString(2, whatsApp ? "WHATSAPP" : "SMS");
                    text.setString(3, whatsApp ? "dukcapil_booking_reminder" : null);
                    text.setString(4, whatsApp
                            ? String.join("\n", "Warga " + i, "Senin, 7 Desember 2026", "Disdukcapil Kab. Bandung",
                            "B-" + i, "A-" + i)
                            : "Disdukcapil: besok cetak KTP-el Warga " + i + ". Kode B-" + i);
                    text.executeUpdate();
                }
                db.commit();
                return first;
            }
        }
    }

    private void awaitSent(long first, int count, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (states(first).getOrDefault("SENT", 0L) < count) {
            assertThat(System.nanoTime()).as(count + " sent within " + atMost).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Until no message waits or is being sent. */
    private void awaitSettled(long first, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!List.of("SENT", "UNCERTAIN").containsAll(states(first).keySet())) {
            assertThat(System.nanoTime()).as("settled within " + atMost + ": " + states(first)).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private Map<String, Long> states(long first) throws Exception {
        Map<String, Long> states = new HashMap<>();
        try (Connection db = portal.database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT state, COUNT(*) FROM notification_message WHERE id >= "
                     + first + " AND message_id LIKE '<crash-channels-%' GROUP BY state")) {
            while (rows.next()) {
                states.put(rows.getString(1), rows.getLong(2));
            }
        }
        return states;
    }

    private static Map<String, Long> countByPhone(List<String> phones) {
        return phones.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
