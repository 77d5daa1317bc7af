package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SOP B step 10 is the citizen's few minutes at the kiosk; the days before it are the citizen's own. A citizen who
 * has not printed is reminded once, a few days before the QR code and PIN expire (issue 13, item 11).
 */
@PortalTest
class ReleaseReminderTests {

    private static final Duration AHEAD = Duration.ofDays(3);

    @Autowired KkPrintTestSupport kk;
    @Autowired KkDelivery delivery;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void an_unused_qr_and_pin_is_reminded_once_a_few_days_before_it_expires_without_the_pin() {
        String tracking = kk.delivered();
        Instant expires = jdbc.queryForObject("""
                SELECT r.expires_at FROM kkprint_release r JOIN kkprint_request q ON q.id = r.request_id
                WHERE q.tracking_number = ? AND r.state = 'ACTIVE'""", java.time.LocalDateTime.class, tracking)
                .toInstant(java.time.ZoneOffset.UTC);

        clock.setInstant(expires.minus(Duration.ofDays(10)));
        delivery.remindExpiring(AHEAD, 1_000);
        assertThat(reminders(tracking)).as("ten days before: not yet").isZero();

        clock.setInstant(expires.minus(Duration.ofDays(2)));
        delivery.remindExpiring(AHEAD, 1_000);
        delivery.remindExpiring(AHEAD, 1_000);

        assertThat(reminders(tracking)).as("once, however often the watch runs").isEqualTo(1);
        String body = jdbc.queryForObject("""
                SELECT body FROM notification_message WHERE template_key = 'kkprint-expiring' AND reference = ?""",
                String.class, tracking);
        assertThat(body).contains(tracking).doesNotContain("PIN:");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'kkprint.request.reminded' "
                + "AND subject_id = ?", Integer.class, tracking)).isEqualTo(1);
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.DELIVERED);
        assertThat(jdbc.queryForObject("""
                SELECT kind FROM notification_message WHERE template_key = 'kkprint-expiring' AND reference = ?""",
                String.class, tracking)).isEqualTo("REMINDER");

        // A second node's run that found the release unmarked (its mark lost): the message stays one (decision 142).
        jdbc.update("""
                UPDATE kkprint_release r JOIN kkprint_request q ON q.id = r.request_id SET r.reminded_at = NULL
                WHERE q.tracking_number = ? AND r.state = 'ACTIVE'""", tracking);
        delivery.remindExpiring(AHEAD, 1_000);
        assertThat(reminders(tracking)).isEqualTo(1);
    }

    private int reminders(String tracking) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM notification_message WHERE template_key = 'kkprint-expiring' AND reference = ?""",
                Integer.class, tracking);
    }
}
