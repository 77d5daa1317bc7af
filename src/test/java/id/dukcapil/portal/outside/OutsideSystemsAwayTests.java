package id.dukcapil.portal.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.notification.MessageRef;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.SenderRuns;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.notification.internal.NotificationProperties;
import id.dukcapil.portal.shared.ui.HomeView;
import id.dukcapil.portal.shared.ui.LanguageSwitch;
import id.dukcapil.portal.signing.DocumentOutcome;
import id.dukcapil.portal.signing.SigningTestSupport;
import id.dukcapil.portal.signing.BsreTestSigning;
import id.dukcapil.portal.signing.bsre.BsrePeer;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The centre's outside systems away (issue 53 item 6, decision 198), with the real peers the suite runs: the mail
 * server stopped and started again, BSrE answering 500. The state is the cluster's table, the banner the shell's, the
 * meter the one an operator scrapes; the work that waited goes on, once.
 */
class OutsideSystemsAwayTests extends PortalViewTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired OutsideSystems outside;
    @Autowired Outbox outbox;
    @Autowired TestMailServer mailServer;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired MeterRegistry meters;
    @Autowired NotificationProperties properties;
    @Autowired SigningTestSupport signing;
    @Autowired ApplicationContext context;

    @TempDir Path folder;

    @AfterEach
    void the_mail_server_runs_again_on_real_time() {
        clock.reset();
        mailServer.start();
    }

    @Test
    @WithUserDetails("operator")
    void the_mail_server_stopped_is_away_on_the_banner_and_the_meter_and_its_mail_goes_once_when_it_is_back() {
        clock.setInstant(TestDays.at(TestDays.nextMonday(clock), "09:00"));
        // Up to begin with, whatever the classes before left: a message goes through.
        MessageRef before = send("sebelum-" + UUID.randomUUID() + "@example.id");
        await().atMost(WAIT).until(() -> "SENT".equals(state(before))
                && outside.state(OutsideSystem.MAIL).status() == SystemState.Status.UP);
        int awayAudits = audits("outside.system.away");
        int backAudits = audits("outside.system.back");
        navigate(HomeView.class);
        assertThat(banner("mail")).isNull();
        mailServer.stop();
        // Addresses of this class's own: no other class counts its mail (they count by recipient or Message-ID).
        MessageRef ref = send("menunggu-" + UUID.randomUUID() + "@example.id");

        // The sender's next run finds no server: the state is AWAY for the cluster, audited, and the meter reads 0.
        await().atMost(WAIT).until(() -> "RETRY".equals(state(ref)) && outside.state(OutsideSystem.MAIL).away());
        SystemState away = outside.state(OutsideSystem.MAIL);
        assertThat(away.awaySince()).isNotNull();
        assertThat(away.lastFailure()).containsIgnoringCase("connect");
        assertThat(audits("outside.system.away")).as("the change audited, once").isEqualTo(awayAudits + 1);
        await().atMost(WAIT).until(() -> meters.get("portal.outside.up").tag("system", "mail").gauge().value() == 0);

        // The shell, already shown, is told by the audit chain's feed: the banner appears without a reload.
        await().atMost(WAIT).pollInSameThread().until(() -> shown("mail") != null);
        assertThat(banner("mail")).startsWith("Server e-mail tidak terjangkau sejak 09:00")
                .containsPattern("\\d+ pesan menunggu dan akan dikirim sendiri saat layanan ini kembali\\.");
        // In English on request: the shell built again in the user's language says it in English.
        test(find(LanguageSwitch.class).single()).selectItem("English");
        navigate(HomeView.class);
        assertThat(banner("mail")).startsWith("The mail server cannot be reached since 09:00")
                .containsPattern("\\d+ messages are waiting and will go out by themselves when it is back\\.");

        // Its attempts spent while the server is away, the message is not FAILED: it waits, tried a minute later.
        jdbc.update("UPDATE notification_message SET attempts = ? WHERE id = ?", properties.sender().maxAttempts(),
                ref.id());
        clock.advance(Duration.ofSeconds(61));
        // The attempt is counted when the sender claims the message (SENDING), its outcome written after it.
        await().atMost(WAIT).until(() -> attempts(ref) == properties.sender().maxAttempts() + 1
                && "RETRY".equals(state(ref)));
        assertThat(nextAttempt(ref)).isBeforeOrEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        // The server back: the next attempt goes through, once; the state is UP, audited, and the meter reads 1.
        mailServer.start();
        clock.advance(Duration.ofSeconds(61));
        await().atMost(WAIT).until(() -> "SENT".equals(state(ref)));
        new SenderRuns(meters).awaitWhole(2);
        assertThat(mailServer.receivedWithMessageId(ref.messageId())).hasSize(1);
        SystemState back = outside.state(OutsideSystem.MAIL);
        assertThat(back.status()).isEqualTo(SystemState.Status.UP);
        assertThat(back.lastContact()).isNotNull();
        assertThat(audits("outside.system.back")).isEqualTo(backAudits + 1);
        await().atMost(WAIT).until(() -> meters.get("portal.outside.up").tag("system", "mail").gauge().value() == 1);
        await().atMost(WAIT).pollInSameThread().until(() -> shown("mail") == null);
    }

    @Test
    @WithUserDetails("kadis")
    void bsre_answering_500_is_away_for_the_kepala_dinas_and_the_documents_wait_and_are_signed_once_later()
            throws Exception {
        try (BsrePeer peer = new BsrePeer(folder);
             BsreTestSigning bsre = new BsreTestSigning(context, BsreTestSigning.properties(peer,
                     Duration.ofSeconds(20), 1, 8))) {
            long id = signing.queueFamily();
            peer.next(BsrePeer.Misbehaviour.FAIL_500);

            List<DocumentOutcome> first = bsre.batches.start(List.of(id), BsrePeer.PASSPHRASE.toCharArray())
                    .completion().get(90, TimeUnit.SECONDS);

            assertThat(first).extracting(DocumentOutcome::result).containsExactly(DocumentOutcome.Result.FAILED);
            assertThat(outside.state(OutsideSystem.BSRE).away()).isTrue();
            assertThat(outside.state(OutsideSystem.BSRE).lastFailure()).isEqualTo("HTTP 500");
            assertThat(jdbc.queryForObject("SELECT state FROM signing_document WHERE id = ?", String.class, id))
                    .as("the document waits in the queue, not lost").isEqualTo("QUEUED");
            navigate(HomeView.class);
            await().atMost(WAIT).pollInSameThread().until(() -> shown("bsre") != null);
            assertThat(banner("bsre")).startsWith("BSrE tidak terjangkau sejak")
                    .contains("(kontak terakhir berhasil ").containsPattern("\\d+ dokumen menunggu tanda tangan");

            // BSrE back: the next batch finds it there (UP again) and signs the document, once.
            List<DocumentOutcome> second = bsre.batches.start(List.of(id), BsrePeer.PASSPHRASE.toCharArray())
                    .completion().get(90, TimeUnit.SECONDS);

            assertThat(second).extracting(DocumentOutcome::result).containsExactly(DocumentOutcome.Result.SIGNED);
            assertThat(outside.state(OutsideSystem.BSRE).status()).isEqualTo(SystemState.Status.UP);
            String kk = jdbc.queryForObject("SELECT kk_number FROM signing_document WHERE id = ?", String.class, id);
            assertThat(peer.signaturesOf(kk)).isEqualTo(1);
            await().atMost(WAIT).pollInSameThread().until(() -> shown("bsre") == null);
        }
    }

    /**
     * The banner after the change feed's refreshes queued for this page have run: the feed's thread queues its
     * refresh behind this test's hold of the session, as it would wait for a browser's request in progress.
     */
    private String shown(String system) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session.hasLock()) {
            session.getService().runPendingAccessTasks(session);
        }
        return banner(system);
    }

    private String banner(String system) {
        return find(Span.class).all().stream().filter(span -> span.getId().orElse("").equals("outside-away-" + system))
                .map(Span::getText).findFirst().orElse(null);
    }

    private MessageRef send(String to) {
        return transactions.execute(status -> outbox.enqueue(OutgoingMail.of(to, "test", Locale.of("id"),
                Map.of("recipient", to))));
    }

    private int audits(String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_id = 'MAIL'",
                Integer.class, action);
    }

    private String state(MessageRef ref) {
        return jdbc.queryForObject("SELECT state FROM notification_message WHERE id = ?", String.class, ref.id());
    }

    private int attempts(MessageRef ref) {
        return jdbc.queryForObject("SELECT attempts FROM notification_message WHERE id = ?", Integer.class, ref.id());
    }

    private Instant nextAttempt(MessageRef ref) {
        return jdbc.queryForObject("SELECT next_attempt_at FROM notification_message WHERE id = ?",
                java.sql.Timestamp.class, ref.id()).toInstant();
    }
}
