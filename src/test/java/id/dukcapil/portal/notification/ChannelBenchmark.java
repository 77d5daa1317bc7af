package id.dukcapil.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.jdbc.UtcColumns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 10,000 messages queued at once, half for WhatsApp (the test run's Cloud API peer over HTTPS), half for SMS (its
 * jSMPP gateway), drained by the outbox's scheduled sender as in production: the time until every one is SENT. Baseline
 * in the same run: the same clients (the JDK HTTP client with the same TLS trust, a jSMPP session) sending the same
 * number of messages in a bare loop, no outbox (decision 140).
 */
@Benchmark
@PortalTest
class ChannelBenchmark {

    private static final int PER_CHANNEL = 5_000;
    private static final Locale INDONESIAN = Locale.of("id");

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired SslBundles sslBundles;
    @Value("${portal.notification.whatsapp.base-url}") String cloudApiUrl;
    @Value("${portal.notification.sms.port}") int smscPort;
    @Value("${portal.notification.sms.window}") int smsWindow;

    @Test
    void draining_ten_thousand_messages_to_whatsapp_and_sms_beside_the_bare_clients() throws Exception {
        long first = queue(Channel.WHATSAPP, "+62811");
        queue(Channel.SMS, "+62812");
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        awaitSent(first, 2 * PER_CHANNEL, Duration.ofMinutes(30));
        double outboxSeconds = (System.nanoTime() - start) / 1e9;
        // The gateway's receipts are part of the drain's work: every one recorded, none dropped (decision 156).
        awaitDelivered(first, Duration.ofMinutes(1));
        System.out.printf("BENCHMARK channels: all %,d SMS receipts recorded %.1f s after the start%n", PER_CHANNEL,
                (System.nanoTime() - start) / 1e9);
        jdbc.query("""
                SELECT channel, TIMESTAMPDIFF(MICROSECOND, MIN(claimed_at), MAX(sent_at)) / 1e6,
                    TIMESTAMPDIFF(MICROSECOND, ?, MIN(claimed_at)) / 1e6 FROM notification_message
                WHERE id >= ? AND recipient LIKE 'bench-%' GROUP BY channel""", row -> {
            System.out.printf("BENCHMARK channels: %s drained from its first claim (%.1f s after the start) to its last "
                    + "SENT in %.1f s%n", row.getString(1), row.getDouble(3), row.getDouble(2));
        }, UtcColumns.utc(startedAt), first);
        System.out.printf("BENCHMARK channels: outbox drained %,d messages (%,d WhatsApp + %,d SMS) in %.1f s: %.0f messages/s%n",
                2 * PER_CHANNEL, PER_CHANNEL, PER_CHANNEL, outboxSeconds, 2 * PER_CHANNEL / outboxSeconds);

        start = System.nanoTime();
        bareCloudApi();
        double cloudApiSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        bareSmpp();
        double smppSeconds = (System.nanoTime() - start) / 1e9;
        double bareSeconds = cloudApiSeconds + smppSeconds;
        System.out.printf("BENCHMARK channels: bare loops, %,d Cloud API POSTs in %.1f s + %,d submit_sm in %.1f s = %.1f s: "
                        + "%.0f messages/s; outbox / bare = %.2f× (goal ≤ 1.5×)%n", PER_CHANNEL, cloudApiSeconds,
                PER_CHANNEL, smppSeconds, bareSeconds, 2 * PER_CHANNEL / bareSeconds, outboxSeconds / bareSeconds);
        if (smsWindow > 1) {
            // The portal keeps up to smsWindow submits waiting for their answers: so does the stricter baseline.
            start = System.nanoTime();
            bareSmpp(smsWindow);
            double windowedSeconds = (System.nanoTime() - start) / 1e9;
            double strictSeconds = cloudApiSeconds + windowedSeconds;
            System.out.printf("BENCHMARK channels: bare loops with the SMS window of %d, %.1f s + %,d submit_sm in %.1f s "
                            + "= %.1f s: %.0f messages/s; outbox / bare = %.2f× (goal ≤ 1.5×)%n", smsWindow,
                    cloudApiSeconds, PER_CHANNEL, windowedSeconds, strictSeconds, 2 * PER_CHANNEL / strictSeconds,
                    outboxSeconds / strictSeconds);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE id >= ? AND state = 'SENT' "
                + "AND channel IN ('WHATSAPP', 'SMS')", Long.class, first)).isEqualTo(2L * PER_CHANNEL);
    }

    private long queue(Channel channel, String prefix) {
        return transactions.execute(status -> {
            long firstId = 0;
            for (int i = 0; i < PER_CHANNEL; i++) {
                Map<String, Object> model = new HashMap<>();
                model.put("name", "Warga " + i);
                model.put("resident", "Warga " + i);
                model.put("date", "Senin, 7 Desember 2026");
                model.put("point", "Disdukcapil Kab. Bandung");
                model.put("address", "Jl. Raya Soreang");
                model.put("hours", "08.00-15.00");
                model.put("history", "https://portal.example.id/bds/riwayat");
                model.put("code", "B-" + i);
                model.put("queue", "A-" + i);
                MessageRef ref = outbox.enqueue(OutgoingMail.of("bench-" + channel + i + "@example.id",
                        "booking-reminder", INDONESIAN, model), Reach.chosen(channel, prefix + (1_000_000 + i)));
                firstId = i == 0 ? ref.id() : firstId;
            }
            return firstId;
        });
    }

    private void bareCloudApi() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(sslBundles.getBundle("cloud-api-peer").createSslContext()).build();
        URI messages = URI.create(cloudApiUrl + "/" + TestCloudApi.VERSION + "/" + TestCloudApi.PHONE_NUMBER_ID + "/messages");
        for (int i = 0; i < PER_CHANNEL; i++) {
            String body = """
                    {"messaging_product":"whatsapp","recipient_type":"individual","to":"62813%d","type":"template",
                    "template":{"name":"dukcapil_booking_reminder","language":{"code":"id"},"components":[{"type":"body",
                    "parameters":[%s]}]}}""".formatted(1_000_000 + i, String.join(",", IntStream.range(0, 5)
                    .mapToObj(p -> "{\"type\":\"text\",\"text\":\"Warga " + p + "\"}").toList()));
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(messages)
                    .header("Authorization", "Bearer " + TestCloudApi.ACCESS_TOKEN)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        }
    }

    private void bareSmpp() throws Exception {
        bareSmpp(1);
    }

    /** One session; {@code window} threads each submitting its share synchronously, so that many await answers. */
    private void bareSmpp(int window) throws Exception {
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(new IgnoringReceipts());
        session.setPduProcessorDegree(window + 2);
        session.connectAndBind("127.0.0.1", smscPort, new BindParameter(BindType.BIND_TRX, TestSmsc.SYSTEM_ID,
                TestSmsc.PASSWORD, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        try (ExecutorService submitters = Executors.newFixedThreadPool(window)) {
            List<Future<?>> shares = new ArrayList<>();
            for (int w = 0; w < window; w++) {
                int first = w;
                shares.add(submitters.submit(() -> submitEvery(session, first, window)));
            }
            for (Future<?> share : shares) {
                share.get();
            }
        } finally {
            session.unbindAndClose();
        }
    }

    private Void submitEvery(SMPPSession session, int first, int step) throws Exception {
        for (int i = first; i < PER_CHANNEL; i += step) {
            session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "DUKCAPIL",
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "62814" + (1_000_000 + i),
                    new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, DataCodings.ZERO,
                    (byte) 0, ("Disdukcapil: besok cetak KTP-el Warga " + i + ". Kode B-" + i).getBytes());
        }
        return null;
    }

    private void awaitSent(long first, int count, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE id >= ? AND state = 'SENT' "
                + "AND template_key = 'booking-reminder' AND recipient LIKE 'bench-%'", Long.class, first) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not all sent within " + atMost);
            }
            Thread.sleep(200);
        }
    }

    private void awaitDelivered(long first, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE id >= ? AND channel = 'SMS' "
                + "AND delivery = 'DELIVERED' AND recipient LIKE 'bench-%'", Long.class, first) < PER_CHANNEL) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not every SMS receipt recorded within " + atMost);
            }
            Thread.sleep(200);
        }
    }

    /** The bare loop's receipts are the gateway's business, not this measurement's. */
    private static final class IgnoringReceipts implements org.jsmpp.session.MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(org.jsmpp.bean.DeliverSm deliverSm) {
        }

        @Override
        public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alertNotification) {
        }

        @Override
        public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm,
                                                             org.jsmpp.session.Session source) {
            return null;
        }
    }
}
