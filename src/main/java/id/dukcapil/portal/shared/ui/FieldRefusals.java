package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import id.dukcapil.portal.shared.RuleViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's refusal said where the user looks: each of its messages that is about a field (by its bundle key) at
 * that field, in the user's language, what was typed kept; the rest (a record changed meanwhile, a state that moved
 * on) in one message. A bound form's own checks catch what they can before the service is asked; this is for what
 * only the service knows.
 */
public final class FieldRefusals {

    private final Map<String, ? extends HasValidation> fieldOfKey;

    private FieldRefusals(Map<String, ? extends HasValidation> fieldOfKey) {
        this.fieldOfKey = fieldOfKey;
    }

    /** The fields by the bundle keys of the refusals that are about them. */
    public static FieldRefusals of(Map<String, ? extends HasValidation> fieldOfKey) {
        return new FieldRefusals(fieldOfKey);
    }

    /**
     * Says the refusal at its fields, several messages about one field (a password's broken rules) together, the
     * first field told focused; what is about none of them as an error message.
     */
    public void show(RuleViolation violation) {
        UI ui = UI.getCurrent();
        Map<HasValidation, List<String>> atField = new LinkedHashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (String key : violation.messageKeys()) {
            HasValidation field = fieldOfKey.get(key);
            String words = ui.getTranslation(key, violation.args());
            if (field == null) {
                elsewhere.add(words);
            } else {
                atField.computeIfAbsent(field, any -> new ArrayList<>()).add(words);
            }
        }
        atField.forEach((field, messages) -> {
            field.setErrorMessage(String.join(" ", messages));
            field.setInvalid(true);
        });
        atField.keySet().stream().findFirst()
                .ifPresent(field -> {
                    if (field instanceof Focusable<?> focusable) {
                        focusable.focus();
                    }
                });
        if (!elsewhere.isEmpty()) {
            Notifications.error(String.join(" ", elsewhere));
        }
    }
}
