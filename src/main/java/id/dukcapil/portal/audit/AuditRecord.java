package id.dukcapil.portal.audit;

import org.jspecify.annotations.Nullable;

/**
 * What a module asks the audit log to record.
 *
 * @param action      a stable, dotted name: {@code staff.sign-in}, {@code kkprint.request.verified}
 * @param subjectType what was acted on ({@code StaffAccount}, {@code KkPrintRequest}), if anything
 * @param subjectId   its id
 * @param detail      a short human-readable detail; cut to {@value #DETAIL_MAX_LENGTH} characters
 */
public record AuditRecord(String action, @Nullable String subjectType, @Nullable String subjectId,
                          Outcome outcome, @Nullable String detail) {

    public static final int DETAIL_MAX_LENGTH = 500;

    public static AuditRecord success(String action, String subjectType, String subjectId) {
        return new AuditRecord(action, subjectType, subjectId, Outcome.SUCCESS, null);
    }

    public AuditRecord withDetail(@Nullable String detail) {
        return new AuditRecord(action, subjectType, subjectId, outcome, detail);
    }

    public AuditRecord withOutcome(Outcome outcome) {
        return new AuditRecord(action, subjectType, subjectId, outcome, detail);
    }
}
