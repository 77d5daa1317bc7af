package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.textfield.IntegerField;

/**
 * A whole-number field's bounds, with the words its own check says when a value is outside them. Without the words,
 * Vaadin's field marks a value past its bound red and says nothing, and the binder's validators never run on it.
 */
public final class WholeNumbers {

    private WholeNumbers() {
    }

    /** Bounds the field to {@code min}..{@code max} and says so, in the user's language, when a value is outside. */
    public static IntegerField between(IntegerField field, int min, int max) {
        field.setMin(min);
        field.setMax(max);
        String between = field.getTranslation("validation.number.between", min, max);
        field.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(between)
                .setMaxErrorMessage(between)
                .setBadInputErrorMessage(field.getTranslation("validation.number.bad-input"))
                .setRequiredErrorMessage(field.getTranslation("validation.required")));
        return field;
    }
}
