package id.dukcapil.portal.schoolvisit.ui;

import id.dukcapil.portal.shared.RuleViolation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Which field of the schedule dialog a refused visit is about, by the rule it broke: the error is shown there. */
final class ScheduleRefusals {

    private static final Map<String, String> FIELD_BY_RULE = Map.of(
            "schoolvisit.error.school-not-found", "school",
            "schoolvisit.error.day", "day",
            "schoolvisit.error.team-size", "team",
            "schoolvisit.error.unknown-officer", "team",
            "schoolvisit.conflict.leave", "team",
            "schoolvisit.conflict.officer-busy", "team",
            "schoolvisit.error.kit-required", "kit",
            "schoolvisit.conflict.kit-repair", "kit",
            "schoolvisit.conflict.kit-busy", "kit");

    private ScheduleRefusals() {
    }

    /** {@code school}, {@code day}, {@code team} or {@code kit}; none for a refusal about no one field. */
    static @Nullable String fieldOf(RuleViolation violation) {
        return FIELD_BY_RULE.get(violation.messageKeys().getFirst());
    }
}
