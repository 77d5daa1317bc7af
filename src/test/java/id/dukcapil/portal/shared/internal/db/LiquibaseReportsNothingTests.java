package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseProperties;

/**
 * Liquibase sends its vendor usage data from every start unless told not to; the office's server reports nothing to
 * a third party (and an office offline would wait for the question at each start).
 */
@PortalTest
class LiquibaseReportsNothingTests {

    @Autowired LiquibaseProperties liquibase;

    @Test
    void the_migrations_send_no_usage_data_to_liquibases_vendor() {
        assertThat(liquibase.getAnalyticsEnabled()).isFalse();
    }
}
