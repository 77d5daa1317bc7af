package id.dukcapil.portal.kkprint.api;

import id.dukcapil.portal.kkprint.KkPrintRefusal;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.api.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The IKD gateway's and ADM kiosks' other refusals as problem details ({@link ApiProblems}); their coded refusals
 * ({@code KkPrintRefusal}) are answered with their own code by {@code shared.api}.
 */
@RestControllerAdvice(assignableTypes = {IkdController.class, AdmController.class})
class IkdApiProblems {

    private final ApiProblems problems;

    IkdApiProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> violated(RuleViolation violation, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.UNPROCESSABLE_CONTENT, "RULE_VIOLATED",
                problems.text(request, violation.messageKeys().getFirst(), violation.args()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                problems.text(request, "kkprint.refusal.MALFORMED_REQUEST"));
    }
}
