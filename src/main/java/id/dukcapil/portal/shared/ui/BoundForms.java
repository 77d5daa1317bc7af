package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BindingValidationStatus;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.Optional;

/**
 * What a bound form holds, if every field is valid: the one way a screen reads its {@link Binder}'s record before it
 * asks a service. When a field is not, the binder has already said so under each field; this also puts the keyboard
 * in the first of them (in the order they were bound), so a clerk who pressed Enter types the fix without reaching
 * for the mouse. Each screen used to catch {@link ValidationException} itself, and only some moved the focus.
 */
public final class BoundForms {

    private BoundForms() {
    }

    /** The binder's record, or empty when a field is invalid (said at the field, the first one focused). */
    public static <R> Optional<R> record(Binder<R> binder) {
        try {
            return Optional.of(binder.writeRecord());
        } catch (ValidationException invalid) {
            firstInvalid(invalid).ifPresent(field -> {
                if (field instanceof Focusable<?> focusable) {
                    focusable.focus();
                }
            });
            return Optional.empty();
        }
    }

    /** The first field the binder found invalid; none when only a rule across fields failed. */
    static Optional<HasValue<?, ?>> firstInvalid(ValidationException invalid) {
        // The exception may carry every binding's status, the valid ones too: only an error is where the fix is.
        return invalid.getFieldValidationErrors().stream().filter(BindingValidationStatus::isError)
                .<HasValue<?, ?>>map(BindingValidationStatus::getField).findFirst();
    }
}
