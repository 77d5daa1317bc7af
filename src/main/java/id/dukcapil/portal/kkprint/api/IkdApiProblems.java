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
 * The IKD gateway's and ADM kiosks' refusals as problem details ({@link ApiProblems}) with a stable {@code code}
 * the apps switch on; {@code detail} is for people (in Indonesian, or English when the app asks for it).
 */
@RestControllerAdvice(assignableTypes = {IkdController.class, AdmController.class})
class IkdApiProblems {

    private final ApiProblems problems;

    IkdApiProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(KkPrintRefusal.class)
    ResponseEntity<ProblemDetail> refused(KkPrintRefusal refusal, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.valueOf(refusal.code().httpStatus()), refusal.code().name(),
                problems.text(request, refusal.messageKeys().getFirst(), refusal.args()));
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
