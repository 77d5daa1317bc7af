package id.dukcapil.portal.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A search of the audit log. Blank parts do not filter. Dates are office-local days, both inclusive.
 *
 * @param actor   part of the actor's id or name
 * @param action  the start of the action name ({@code staff.} finds every staff action)
 * @param subject the subject id, exactly
 */
public record AuditFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String actor,
                          @Nullable String action, @Nullable String subjectType, @Nullable String subject) {

    public static AuditFilter empty() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public AuditFilter withPeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
        return new AuditFilter(from, to, actor, action, subjectType, subject);
    }

    public AuditFilter withActor(@Nullable String actor) {
        return new AuditFilter(from, to, actor, action, subjectType, subject);
    }

    public AuditFilter withAction(@Nullable String action) {
        return new AuditFilter(from, to, actor, action, subjectType, subject);
    }

    public AuditFilter withSubject(@Nullable String subjectType, @Nullable String subject) {
        return new AuditFilter(from, to, actor, action, subjectType, subject);
    }
}
