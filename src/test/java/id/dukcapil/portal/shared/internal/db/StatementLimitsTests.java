package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every pooled connection comes with the server-side limits of decision 117: no wait and no statement for ever. */
@PortalTest
class StatementLimitsTests {

    @Autowired JdbcTemplate jdbc;

    @Test
    void a_pooled_connection_waits_for_a_lock_10_s_and_runs_a_statement_300_s_at_most() {
        Map<String, Object> limits = jdbc.queryForMap(
                "SELECT @@SESSION.innodb_lock_wait_timeout AS lock_wait, @@SESSION.max_statement_time AS statement");
        assertThat(((Number) limits.get("lock_wait")).intValue()).isEqualTo(10);
        assertThat(((Number) limits.get("statement")).doubleValue()).isEqualTo(300.0);
    }
}
