package id.dukcapil.portal.shared.api;

import id.dukcapil.portal.shared.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.beans.TypeMismatchException;

/**
 * What no module's adviser answered, for every API controller (issue 41): after them all, so a module keeps its own
 * codes, but no API answer is left to Spring MVC's {@code sendError} and the container's error page. A body that is
 * no JSON or has a value of the wrong type is a 400, a rule's refusal a 422, a failure a 500 problem.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiFallbackProblems.class);

    private final ApiProblems problems;

    ApiFallbackProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                problems.text(request, "shared.api.unreadable"));
    }

    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class})
    ResponseEntity<ProblemDetail> malformed(Exception e, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                problems.text(request, "shared.api.malformed"));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> violated(RuleViolation violation, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.UNPROCESSABLE_CONTENT, "RULE_VIOLATED",
                problems.text(request, violation));
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(Exception denied, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.FORBIDDEN, "FORBIDDEN", problems.text(request, "api.forbidden"));
    }

    /** Spring's own refusals keep their status; anything else is the portal's fault, logged. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception failure, HttpServletRequest request) {
        HttpStatus status = failure instanceof ErrorResponse refusal
                ? HttpStatus.resolve(refusal.getStatusCode().value()) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()) {
            log.error("API request {} failed", request.getRequestURI(), failure);
        }
        return problems.answer(request, status, ApiErrorDispatch.code(status),
                problems.text(request, ApiErrorDispatch.detailKey(status)));
    }
}
