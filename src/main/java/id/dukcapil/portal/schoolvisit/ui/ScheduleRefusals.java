package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.UI;
import id.dukcapil.portal.shared.RuleViolation;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which field of the schedule dialog a refused visit is about, by the rules it broke: each error is shown there. */
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

    /**
     * The refusal's texts by the field each is about ({@code school}, {@code day}, {@code team} or {@code kit}; empty
     * for none), in the order of its rules: a plan in conflict at its kit and its team is told at both.
     */
    static Map<String, String> byField(RuleViolation violation) {
        UI ui = UI.getCurrent();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : violation.messageKeys()) {
            texts.merge(FIELD_BY_RULE.getOrDefault(key, ""), ui.getTranslation(key, violation.args()),
                    (before, more) -> before + " " + more);
        }
        return texts;
    }
}
