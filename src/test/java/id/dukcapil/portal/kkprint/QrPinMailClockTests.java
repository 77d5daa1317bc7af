package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepRecord;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** SOP B step 9 lasts from the signature until the mail server accepts the QR + PIN e-mail (issue 13, item 10). */
@PortalTest
class QrPinMailClockTests {

    @Autowired KkPrintTestSupport kk;
    @Autowired TestMailServer mailServer;
    @Autowired StepClock stepClock;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void real_time_and_a_running_mail_server_again() {
        clock.reset();
        mailServer.start();
    }

    @Test
    void step_nine_stays_open_while_the_mail_server_is_down_and_ends_when_it_accepts_the_mail() {
        mailServer.stop();
        String tracking = kk.delivered();
        CaseRef request = new CaseRef(Procedure.B_KK_PRINT, tracking);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETRY".equals(mailState(tracking)));
        assertThat(stepNine(request).endedAt()).as("queued, not accepted: step 9 goes on").isNull();

        // The outage lasts 20 minutes, longer than the step's 15-minute standard.
        clock.advance(Duration.ofMinutes(20));
        mailServer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> stepNine(request).endedAt() != null);

        StepRecord nine = stepNine(request);
        Timestamp sentAt = jdbc.queryForObject("""
                SELECT sent_at FROM notification_message WHERE template_key = 'kkprint-delivered' AND reference = ?""",
                Timestamp.class, tracking);
        assertThat(nine.endedAt()).isEqualTo(sentAt.toLocalDateTime().toInstant(ZoneOffset.UTC));
        assertThat(Duration.between(nine.startedAt(), nine.endedAt())).isGreaterThanOrEqualTo(Duration.ofMinutes(20));
        assertThat(stepClock.history(request)).filteredOn(step -> step.step() == SopStep.B10_ADM_PRINT).hasSize(1);
    }

    private StepRecord stepNine(CaseRef request) {
        return stepClock.history(request).stream().filter(step -> step.step() == SopStep.B9_QR_PIN_EMAIL)
                .findFirst().orElseThrow();
    }

    private String mailState(String tracking) {
        return jdbc.queryForList("""
                SELECT state FROM notification_message WHERE template_key = 'kkprint-delivered' AND reference = ?""",
                String.class, tracking).stream().findFirst().orElse("none");
    }
}
