package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.sla.OverdueStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SlaMonitor;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SOP B step 6 starts when an operator takes the request, not when it arrives: the time in the inbox before is a wait
 * of its own, which neither the inbox nor the SLA list shows as step 6 running over (issue 54, procedures medium).
 */
@PortalTest
class OperatorCheckClockTests {

    @Autowired KkPrintTestSupport kk;
    @Autowired KkRequests requests;
    @Autowired OperatorInbox operatorInbox;
    @Autowired VerifierInbox verifierInbox;
    @Autowired SlaMonitor slaMonitor;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void step_6_starts_at_the_claim_and_a_request_given_back_and_taken_again_keeps_its_first_start() {
        Instant submitted = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        clock.setInstant(submitted);
        String tracking = kk.submitted();
        long id = kk.idOf(tracking);

        clock.advance(Duration.ofHours(2));
        InboxRow waiting = row(id);
        assertThat(waiting.waiting()).isTrue();
        assertThat(waiting.overdue(clock.instant())).as("waiting is not step 6 over its standard").isFalse();
        assertThat(waiting.inStep(clock.instant())).as("the inbox shows how long it has waited")
                .isEqualTo(Duration.ofHours(2));
        assertThat(overdueCases()).doesNotContain(tracking);

        Instant taken = clock.instant();
        kk.claimed(tracking);
        InboxRow claimed = row(id);
        assertThat(claimed.waiting()).isFalse();
        assertThat(claimed.stepStartedAt()).isEqualTo(taken);
        assertThat(claimed.standard()).isEqualTo(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(3));
        release(id);
        clock.advance(Duration.ofMinutes(10));
        assertThat(row(id).overdue(clock.instant())).as("given back, the check begun runs on").isTrue();
        assertThat(overdueCases()).contains(tracking);
        kk.claimed(tracking);
        assertThat(row(id).stepStartedAt()).isEqualTo(taken);
        kk.asStaff("operator", () -> {
            operatorInbox.forward(id);
            return null;
        });

        Map<String, Object> step = jdbc.queryForMap("""
                SELECT queued_at, started_at, duration_ms FROM sla_step
                WHERE procedure_code = 'B_KK_PRINT' AND case_id = ? AND step = 'B6_OPERATOR_CHECK'""", tracking);
        assertThat(utc(step.get("queued_at"))).isEqualTo(submitted);
        assertThat(utc(step.get("started_at"))).isEqualTo(taken);
        assertThat(((Number) step.get("duration_ms")).longValue()).isEqualTo(Duration.ofMinutes(13).toMillis());
    }

    @Test
    void a_request_sent_back_waits_in_the_operators_inbox_again_until_one_takes_it() {
        String tracking = kk.forwarded();
        long id = kk.idOf(tracking);

        kk.asStaff("verifikator", () -> {
            verifierInbox.reject(id, "Foto halaman KK tidak terbaca.", false);
            return null;
        });

        assertThat(row(id).waiting()).isTrue();
        assertThat(jdbc.queryForList("""
                SELECT waiting FROM sla_step WHERE procedure_code = 'B_KK_PRINT' AND case_id = ?
                AND step = 'B6_OPERATOR_CHECK' ORDER BY id""", Boolean.class, tracking)).containsExactly(false, true);
        kk.claimed(tracking);
        assertThat(row(id).waiting()).isFalse();
    }

    private InboxRow row(long id) {
        return kk.asStaff("operator", () -> requests.detail(id).orElseThrow().row());
    }

    private void release(long id) {
        kk.asStaff("operator", () -> {
            operatorInbox.release(id);
            return null;
        });
    }

    /** The SLA list's newest-started steps of SOP B over their standard. */
    private List<String> overdueCases() {
        return kk.asStaff("manajer", () -> slaMonitor.overdue(Procedure.B_KK_PRINT,
                PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "started"))).getContent().stream()
                .map(OverdueStep::step).map(step -> step.caseRef().caseId()).toList());
    }

    private static Instant utc(Object timestamp) {
        return timestamp instanceof java.time.LocalDateTime local ? local.toInstant(ZoneOffset.UTC)
                : ((Timestamp) timestamp).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
