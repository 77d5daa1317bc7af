package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.booking.RefusalCode;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.api.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The BDS API's refusals as problem details ({@link ApiProblems}): a malformed request, a busy moment the app
 * retries, and the portal's own failures. A booking rule's refusal ({@link RefusalCode} with its HTTP status) is
 * answered before these, as every API's coded refusal is ({@code shared.api.CodedRefusals}).
 */
@RestControllerAdvice(assignableTypes = BdsApiController.class)
class BdsApiProblems {

    private static final Logger log = LoggerFactory.getLogger(BdsApiProblems.class);

    private final ApiProblems problems;

    BdsApiProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> violation(RuleViolation violation, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.UNPROCESSABLE_CONTENT, "RULE_VIOLATION", problems.text(request, violation));
    }

    @ExceptionHandler({MethodArgumentNotValidException.class, HttpMessageNotReadableException.class,
            MissingRequestHeaderException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> invalid(Exception invalid, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.BAD_REQUEST, RefusalCode.INVALID_REQUEST.name(),
                problems.text(request, RefusalCode.INVALID_REQUEST.messageKey()));
    }

    /**
     * No connection or lock in time under a burst, or no batch done in time for a booking (decision 116): the app
     * retries with the same Idempotency-Key.
     */
    @ExceptionHandler({TransientDataAccessException.class, CannotCreateTransactionException.class,
            AsyncRequestTimeoutException.class})
    ResponseEntity<ProblemDetail> busy(Exception busy, HttpServletRequest request) {
        return problems.busy(request, "booking.api.busy");
    }

    /** Anything else is the portal's fault: a problem, not the staff error page behind a sign-in redirect. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception failure, HttpServletRequest request) {
        log.error("API request {} failed", request.getRequestURI(), failure);
        return problems.answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.FORBIDDEN, "FORBIDDEN", problems.text(request, "api.forbidden"));
    }
}
