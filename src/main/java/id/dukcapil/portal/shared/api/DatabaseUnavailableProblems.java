package id.dukcapil.portal.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import id.dukcapil.portal.shared.tx.CommitUnknownException;
import id.dukcapil.portal.shared.tx.DatabaseBusyException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import id.dukcapil.portal.shared.tx.TransientFailure;
import org.springframework.core.Ordered;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away every API answers 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After} (issue 12):
 * from a controller (this advice, before the modules' own, whose catch-all would call it the portal's fault) and
 * from a filter that runs before any controller, such as an API key's check ({@link #apiFilter}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableProblems {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableProblems.class);

    private final ApiProblems problems;

    DatabaseUnavailableProblems(ApiProblems problems) {
        this.problems = problems;
    }

    // CannotGetJdbcConnectionException is a DataAccessResourceFailureException.
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            SQLTransientConnectionException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception failure, HttpServletRequest request) {
        log.warn("API request {} answered 503: no database connection ({})", request.getRequestURI(), failure.toString());
        return problems.unavailable(request);
    }

    /**
     * A unit of work rolled back on every try, or whose commit a lost connection hid (decision 117): nothing is said
     * to be done that may not be. The client tries again; its idempotency key finds what was kept.
     */
    @ExceptionHandler({DatabaseBusyException.class, CommitUnknownException.class})
    ResponseEntity<ProblemDetail> busy(Exception failure, HttpServletRequest request) {
        log.warn("API request {} answered 503 BUSY: {}", request.getRequestURI(), failure.toString());
        return problems.busy(request, failure instanceof CommitUnknownException ? "api.commit-unknown" : "api.busy");
    }

    /**
     * An error the driver did not classify and Spring could only leave uncategorized (its translator reads SQL states,
     * and MariaDB reports a lock wait timeout as HY000): read by the server's own error number (TransientFailure).
     * A Galera node cut off from the primary component answered a plain read with error 1205, and the citizens' app was
     * told 500, a fault no retry mends (issue 51's cluster suite); a transaction the server rolled back is a 503 the
     * app tries again, a lost connection a 503 too. Anything else stays the portal's fault.
     */
    @ExceptionHandler(UncategorizedSQLException.class)
    ResponseEntity<ProblemDetail> uncategorized(UncategorizedSQLException failure, HttpServletRequest request) {
        return switch (TransientFailure.of(failure)) {
            case ROLLED_BACK -> {
                log.warn("API request {} answered 503 BUSY: {}", request.getRequestURI(), failure.toString());
                yield problems.busy(request, "api.busy");
            }
            case CONNECTION_LOST -> unavailable(failure, request);
            case NONE -> {
                log.error("API request {} failed", request.getRequestURI(), failure);
                yield problems.answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                        HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase());
            }
        };
    }

    /** Before Spring Security's filters (order -100), which look API keys and tokens up in the database. */
    @Bean
    static FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableApiFilter(ApiProblems problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(apiFilter(problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static OncePerRequestFilter apiFilter(ApiProblems problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (RuntimeException | ServletException failure) {
                    boolean unavailable = ApiProblems.databaseUnavailable(failure);
                    // A bearer token's read in a filter, which no controller's handler sees: a Galera node leaving the
                    // primary component answered it with a lock wait timeout, and the app was told 500 (cluster suite).
                    boolean busy = !unavailable && TransientFailure.of(failure) == TransientFailure.ROLLED_BACK;
                    if (!unavailable && !busy || response.isCommitted()) {
                        throw failure;
                    }
                    log.warn("API request {} answered 503{}: {}", request.getRequestURI(),
                            busy ? " BUSY" : " (no database connection)", failure.toString());
                    response.resetBuffer();
                    if (busy) {
                        problems.writeBusy(request, response);
                    } else {
                        problems.writeUnavailable(request, response);
                    }
                }
            }
        };
    }
}
