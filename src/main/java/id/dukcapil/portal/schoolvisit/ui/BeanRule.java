package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.binder.ValueContext;
import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.function.BiFunction;

/**
 * A form field checked by the Bean Validation constraints of its record's property. The constraints' messages are
 * translation keys of the portal's bundles, said in the user's language here (Bean Validation's own bundles have no
 * Indonesian, and no key of ours).
 */
final class BeanRule<T> implements Validator<T> {

    private final jakarta.validation.Validator validator;
    private final Class<?> type;
    private final String property;
    private final BiFunction<String, Object[], String> translation;

    private BeanRule(jakarta.validation.Validator validator, Class<?> type, String property,
                     BiFunction<String, Object[], String> translation) {
        this.validator = validator;
        this.type = type;
        this.property = property;
        this.translation = translation;
    }

    static <T> BeanRule<T> of(jakarta.validation.Validator validator, Class<?> type, String property,
                              BiFunction<String, Object[], String> translation) {
        return new BeanRule<>(validator, type, property, translation);
    }

    @Override
    public ValidationResult apply(T value, ValueContext context) {
        // The first message by key: two constraints of one field (required, too long) say one sentence.
        return validator.validateValue(type, property, value).stream()
                .map(ConstraintViolation::getMessage).min(Comparator.naturalOrder())
                .map(key -> ValidationResult.error(translation.apply(key, new Object[0])))
                .orElseGet(ValidationResult::ok);
    }
}
