package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.Refusals;
import id.dukcapil.portal.kkprint.internal.KkRequestEntity;
import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.shared.RuleViolation;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two clerks on one request, the second acting on what they read before the first's change committed (issue 55 item
 * 3): the request's version refuses the second in words, and the first's change stays as it was made.
 */
@PortalTest
class KkRequestChangedMeanwhileTests {

    @Autowired KkPrintTestSupport kk;
    @Autowired KkRequestRepository requests;
    @Autowired Lifecycle lifecycle;
    @Autowired OperatorInbox operatorInbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_change_on_a_version_another_clerk_replaced_meanwhile_is_refused_in_words_and_loses_nothing() {
        String tracking = kk.submitted();
        long id = kk.idOf(tracking);

        RuleViolation refused = Refusals.of(() -> transactions.executeWithoutResult(status -> {
            KkRequestEntity stale = requests.findById(id).orElseThrow(); // read without the desks' lock
            // Meanwhile the operator claims it, committed in a transaction of their own.
            CompletableFuture.runAsync(() -> kk.asStaff("operator", () -> {
                operatorInbox.claim(id);
                return null;
            })).join();
            lifecycle.record(stale, stale.claim("petugas-lain", "Petugas Lain"), null);
        }));

        assertThat(refused.messageKeys()).containsExactly("kkprint.moved-meanwhile");
        assertThat(Refusals.words(refused, "kkprint", Locale.of("id"))).contains(tracking);
        assertThat(Refusals.words(refused, "kkprint", Locale.ENGLISH)).contains(tracking);
        assertThat(jdbc.queryForObject("SELECT holder FROM kkprint_request WHERE id = ?", String.class, id))
                .isEqualTo("operator");
        assertThat(jdbc.queryForObject("SELECT version FROM kkprint_request WHERE id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_history WHERE request_id = ? AND to_state = 'IN_CHECK'",
                Integer.class, id)).isEqualTo(1);
    }
}
