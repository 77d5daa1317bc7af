package id.dukcapil.portal.schoolvisit.api;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.api.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The outposts' API refusals as problem documents with a stable code and status, in the caller's language; each
 * refusal audited, outside the refused work's transaction (rolled back with it, its entry would be lost).
 */
@RestControllerAdvice(assignableTypes = OutpostApiController.class)
class OutpostApiProblems {

    /** A refusal's status and code by its message key; any other rule's refusal is 422 RULE_VIOLATED. */
    private static final Map<String, Refusal> REFUSALS = Map.ofEntries(
            Map.entry("schoolvisit.error.visit-not-found", new Refusal(HttpStatus.NOT_FOUND, "VISIT_NOT_FOUND")),
            Map.entry("schoolvisit.error.checkout-not-found", new Refusal(HttpStatus.NOT_FOUND, "CHECKOUT_NOT_FOUND")),
            Map.entry("schoolvisit.error.not-in-team", new Refusal(HttpStatus.FORBIDDEN, "NOT_IN_TEAM")),
            Map.entry("schoolvisit.error.visit-out", new Refusal(HttpStatus.CONFLICT, "VISIT_OUT")),
            Map.entry("schoolvisit.error.visit-not-underway", new Refusal(HttpStatus.CONFLICT, "VISIT_NOT_UNDERWAY")),
            Map.entry("schoolvisit.error.bundle-signature",
                    new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "BUNDLE_SIGNATURE_INVALID")),
            Map.entry("schoolvisit.error.outpost-name",
                    new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "OUTPOST_NAME_INVALID")),
            Map.entry("schoolvisit.error.outpost-key",
                    new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "OUTPOST_KEY_INVALID")),
            Map.entry("schoolvisit.error.student-not-found",
                    new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "STUDENT_NOT_FOUND")),
            Map.entry("schoolvisit.api.password-change",
                    new Refusal(HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED")),
            Map.entry("schoolvisit.error.checkout-closed", new Refusal(HttpStatus.CONFLICT, "CHECKOUT_CLOSED")),
            Map.entry("schoolvisit.error.bundle-staff",
                    new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "BUNDLE_STAFF_NOT_IN_TEAM")),
            Map.entry("schoolvisit.error.bundle-time",
                    new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "BUNDLE_TIME_INVALID")));

    private record Refusal(HttpStatus status, String code) {
    }

    private final ApiProblems problems;
    private final AuditLog auditLog;

    OutpostApiProblems(ApiProblems problems, AuditLog auditLog) {
        this.problems = problems;
        this.auditLog = auditLog;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation violation, HttpServletRequest request) {
        Refusal refusal = REFUSALS.getOrDefault(violation.messageKeys().getFirst(),
                new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, "RULE_VIOLATED"));
        // "SchoolVisit:12" or "OutpostCheckout:7", set by the controller before it asked the service.
        Object named = request.getAttribute(OutpostApiController.SUBJECT);
        String[] subject = named == null ? new String[0] : named.toString().split(":", 2);
        auditLog.record(new AuditRecord("schoolvisit.outpost-api.refused", subject.length > 0 ? subject[0] : null,
                subject.length > 1 ? subject[1] : null, Outcome.REFUSED,
                request.getRequestURI() + "; " + refusal.code()));
        return problems.answer(request, refusal.status(), refusal.code(), problems.text(request, violation));
    }
}
