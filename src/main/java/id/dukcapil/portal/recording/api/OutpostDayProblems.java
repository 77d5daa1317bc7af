package id.dukcapil.portal.recording.api;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.api.ApiBodyLimit;
import id.dukcapil.portal.shared.api.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The point's day API's refusals as problem documents with a stable code and status, in the caller's language; each
 * refusal audited outside the refused work's transaction.
 */
@RestControllerAdvice(assignableTypes = OutpostDayController.class)
class OutpostDayProblems {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;
    /** A refusal's status and code by its message key; any other rule's refusal is 422 RULE_VIOLATED. */
    private static final Map<String, Refusal> REFUSALS = Map.ofEntries(
            Map.entry("recording.error.point-out", new Refusal(HttpStatus.CONFLICT, "POINT_OUT")),
            Map.entry("recording.error.outpost-open-visits", new Refusal(HttpStatus.CONFLICT, "OPEN_VISITS")),
            Map.entry("recording.error.outpost-name", new Refusal(UNPROCESSABLE, "OUTPOST_NAME_INVALID")),
            Map.entry("recording.error.outpost-key", new Refusal(UNPROCESSABLE, "OUTPOST_KEY_INVALID")),
            Map.entry("recording.error.outpost-prefix", new Refusal(UNPROCESSABLE, "OUTPOST_PREFIX_INVALID")),
            Map.entry("recording.error.outpost-no-district", new Refusal(UNPROCESSABLE, "NOT_A_KECAMATAN")),
            Map.entry("recording.error.outpost-too-many", new Refusal(UNPROCESSABLE, "TOO_MANY_RESIDENTS")),
            Map.entry("recording.error.checkout-unknown", new Refusal(HttpStatus.NOT_FOUND, "CHECKOUT_NOT_FOUND")),
            Map.entry("recording.error.checkout-closed", new Refusal(HttpStatus.CONFLICT, "CHECKOUT_CLOSED")),
            Map.entry("recording.error.bundle-signature", new Refusal(UNPROCESSABLE, "BUNDLE_SIGNATURE_INVALID")),
            Map.entry("recording.error.bundle-staff", new Refusal(UNPROCESSABLE, "BUNDLE_STAFF_INVALID")),
            Map.entry("recording.error.bundle-time", new Refusal(UNPROCESSABLE, "BUNDLE_TIME_INVALID")),
            Map.entry("recording.error.bundle-step", new Refusal(UNPROCESSABLE, "BUNDLE_STEP_INVALID")),
            Map.entry("recording.error.bundle-text", new Refusal(UNPROCESSABLE, "BUNDLE_STEP_INVALID")),
            Map.entry("recording.error.bundle-too-large", new Refusal(UNPROCESSABLE, "BUNDLE_TOO_LARGE")),
            Map.entry("recording.api.password-change", new Refusal(HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED")));

    private record Refusal(HttpStatus status, String code) {
    }

    private final ApiProblems problems;
    private final AuditLog auditLog;

    OutpostDayProblems(ApiProblems problems, AuditLog auditLog) {
        this.problems = problems;
        this.auditLog = auditLog;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation violation, HttpServletRequest request) {
        Refusal refusal = REFUSALS.getOrDefault(violation.messageKeys().getFirst(),
                new Refusal(UNPROCESSABLE, "RULE_VIOLATED"));
        Object named = request.getAttribute(OutpostDayController.SUBJECT);
        String[] subject = named == null ? new String[0] : named.toString().split(":", 2);
        auditLog.record(new AuditRecord("recording.outpost-api.refused", subject.length > 0 ? subject[0] : null,
                subject.length > 1 ? subject[1] : null, Outcome.REFUSED,
                request.getRequestURI() + "; " + refusal.code()));
        return problems.answer(request, refusal.status(), refusal.code(), problems.text(request, violation));
    }

    /** A day's bundle is larger than the APIs' usual 64 KB: its own cap, still read no further than it. */
    @Configuration(proxyBeanMethods = false)
    static class BodyLimit {

        @Bean
        ApiBodyLimit outpostDayCheckInBodyLimit() {
            return new ApiBodyLimit(OutpostDayController.CHECKINS, OutpostDayController.CHECKIN_BODY_MAX_BYTES);
        }
    }
}
