package id.dukcapil.portal.kkprint.api;

import id.dukcapil.portal.kkprint.KkPrintRefusal;
import id.dukcapil.portal.shared.RuleViolation;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details with a stable {@code code} the apps switch on; {@code detail} is for people (in
 * Indonesian, or English when the app asks for it).
 */
@RestControllerAdvice(assignableTypes = {IkdController.class, AdmController.class})
class IkdApiProblems {

    private final MessageSource messages;

    IkdApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(KkPrintRefusal.class)
    ResponseEntity<ProblemDetail> refused(KkPrintRefusal refusal, Locale locale) {
        return problem(HttpStatus.valueOf(refusal.code().httpStatus()), refusal.code().name(),
                messages.getMessage(refusal.messageKeys().getFirst(), refusal.args(), refusal.code().name(), locale));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> violated(RuleViolation violation, Locale locale) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "RULE_VIOLATED", messages.getMessage(
                violation.messageKeys().getFirst(), violation.args(), violation.messageKeys().getFirst(), locale));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                messages.getMessage("kkprint.refusal.MALFORMED_REQUEST", null, "Malformed request", locale));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
