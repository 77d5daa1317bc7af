package id.dukcapil.portal.audit;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A search of the audit log. Blank parts do not filter. Dates are office-local days, both inclusive.
 *
 * @param actor   part of the actor's id or name
 * @param action       the start of the action's code ({@code staff.} finds every staff action)
 * @param actionsNamed the codes of the actions whose words contain what was typed (typing "Masuk" finds
 *                     {@code staff.sign-in}): an entry matches the typed start or one of these
 * @param subject      the subject id, exactly
 */
public record AuditFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String actor,
                          @Nullable String action, List<String> actionsNamed, @Nullable String subjectType,
                          @Nullable String subject) {

    public AuditFilter {
        actionsNamed = List.copyOf(actionsNamed);
    }

    public static AuditFilter empty() {
        return new AuditFilter(null, null, null, null, List.of(), null, null);
    }

    public AuditFilter withPeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
        return new AuditFilter(from, to, actor, action, actionsNamed, subjectType, subject);
    }

    public AuditFilter withActor(@Nullable String actor) {
        return new AuditFilter(from, to, actor, action, actionsNamed, subjectType, subject);
    }

    public AuditFilter withAction(@Nullable String action) {
        return withAction(action, List.of());
    }

    /** @param named the actions whose words contain the typed text, by their codes */
    public AuditFilter withAction(@Nullable String action, List<String> named) {
        return new AuditFilter(from, to, actor, action, named, subjectType, subject);
    }

    public AuditFilter withSubject(@Nullable String subjectType, @Nullable String subject) {
        return new AuditFilter(from, to, actor, action, actionsNamed, subjectType, subject);
    }
}
