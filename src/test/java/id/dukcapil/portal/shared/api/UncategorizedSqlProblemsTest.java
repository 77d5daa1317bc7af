package id.dukcapil.portal.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * An SQL error Spring leaves uncategorized is answered by the server's own error number: a lock wait timeout (what a
 * Galera node cut off from the primary answered a plain read with, in the cluster suite) is a 503 the app retries,
 * not a 500 that no retry mends; an unknown error stays the portal's fault.
 */
class UncategorizedSqlProblemsTest {

    private final DatabaseUnavailableProblems advice = new DatabaseUnavailableProblems(new ApiProblems(messages()));

    @Test
    void a_lock_wait_timeout_is_busy_and_a_lost_connection_unavailable() {
        ResponseEntity<ProblemDetail> lockWait = advice.uncategorized(uncategorized(
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)), request());
        assertThat(lockWait.getStatusCode().value()).isEqualTo(503);
        assertThat(lockWait.getBody().getProperties()).containsEntry("code", "BUSY");
        assertThat(lockWait.getHeaders().getFirst("Retry-After")).isEqualTo("1");

        ResponseEntity<ProblemDetail> lost = advice.uncategorized(uncategorized(
                new SQLException("Socket error", "08000", -1)), request());
        assertThat(lost.getStatusCode().value()).isEqualTo(503);
        assertThat(lost.getBody().getProperties()).containsEntry("code", ApiProblems.SERVICE_UNAVAILABLE);
    }

    @Test
    void any_other_uncategorized_error_is_the_portals_fault() {
        ResponseEntity<ProblemDetail> other = advice.uncategorized(uncategorized(
                new SQLException("Unknown column", "42S22", 1054)), request());
        assertThat(other.getStatusCode().value()).isEqualTo(500);
        assertThat(other.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
    }

    /**
     * The same error met before any controller: the bearer token's read in Spring Security's filters (the cluster
     * suite, a Galera writer cut off mid-burst: 15 of the app's tries told 500, and those citizens gave up).
     */
    @Test
    void a_lock_wait_timeout_in_a_filter_is_busy_too() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        DatabaseUnavailableProblems.apiFilter(new ApiProblems(messages())).doFilter(request(), response,
                (request, answer) -> {
                    throw uncategorized(new SQLException("Lock wait timeout exceeded", "HY000", 1205));
                });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString()).contains("\"code\":\"BUSY\"");
    }

    @Test
    void any_other_error_in_a_filter_goes_on_as_it_came() {
        UncategorizedSQLException unknown = uncategorized(new SQLException("Unknown column", "42S22", 1054));
        assertThatThrownBy(() -> DatabaseUnavailableProblems.apiFilter(new ApiProblems(messages())).doFilter(request(),
                new MockHttpServletResponse(), (request, answer) -> {
                    throw unknown;
                })).isSameAs(unknown);
    }

    private static UncategorizedSQLException uncategorized(SQLException cause) {
        return new UncategorizedSQLException("PreparedStatementCallback", "SELECT 1", cause);
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("POST", "/api/v1/bds/bookings");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/shared");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
