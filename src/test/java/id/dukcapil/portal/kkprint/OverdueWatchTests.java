package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A MANAGER hears of a request over its standard by more than the margin, once per step. */
@PortalTest
class OverdueWatchTests {

    @Autowired KkPrintTestSupport kk;
    @Autowired OverdueWatch watch;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_request_over_its_standard_by_more_than_the_margin_is_reported_to_the_manager_once() {
        String tracking = kk.submitted();
        // Waiting in the inbox is not step 6 running over: its clock starts when an operator takes the request.
        clock.advance(Duration.ofHours(2));
        watch.notifyOverdue();
        assertThat(mailsAbout(tracking)).isZero();
        kk.claimed(tracking);

        clock.advance(Duration.ofMinutes(5 + 9));
        watch.notifyOverdue();
        assertThat(mailsAbout(tracking)).isZero();

        clock.advance(Duration.ofMinutes(2));
        watch.notifyOverdue();
        watch.notifyOverdue();
        assertThat(mailsAbout(tracking)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT recipient FROM notification_message WHERE template_key = 'kkprint-overdue' "
                + "AND subject LIKE ?", String.class, "%" + tracking + "%"))
                .isEqualTo("manajer@disdukcapil.bandungkab.go.id");
    }

    @Test
    void the_scheduled_run_reports_too() {
        String tracking = kk.claimed(kk.submitted());

        clock.advance(Duration.ofMinutes(5 + 11));
        // The watch's lock is held a whole interval after each scheduled run (once per minute in the cluster): freed
        // here, the call below runs, unless the scheduler took the lock first, and then its run reports.
        jdbc.update("UPDATE shedlock SET lock_until = CURRENT_TIMESTAMP(3) WHERE name = 'kkprint-overdue-watch'");
        watch.scheduledRun();

        await().atMost(Duration.ofSeconds(10)).until(() -> mailsAbout(tracking) == 1);
        assertThat(mailsAbout(tracking)).isEqualTo(1);
    }

    @Test
    void a_delivered_card_the_citizen_has_not_printed_yet_is_not_reported() {
        String tracking = kk.delivered();

        clock.advance(Duration.ofDays(2));
        watch.notifyOverdue();

        assertThat(mailsAbout(tracking)).isZero();
    }

    private int mailsAbout(String tracking) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE template_key = 'kkprint-overdue' "
                + "AND subject LIKE ?", Integer.class, "%" + tracking + "%");
    }
}
