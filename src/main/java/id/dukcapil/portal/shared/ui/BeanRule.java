package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.binder.ValueContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.Set;

/**
 * The Bean Validation constraints of a form's property, as a {@link com.vaadin.flow.data.binder.Binder} binding's
 * validator: the error shows at the field, in the user's language. A constraint's message is a key of the portal's
 * bundles in braces ({@code @NotNull(message = "{validation.required}")}), translated by the field's own
 * {@code getTranslation}, so a form says it in the same words as the rest of the screen (Bean Validation's own
 * bundles are not the portal's). The form's record or bean stays the one place its rules are written.
 */
public final class BeanRule<V> implements Validator<V> {

    /** Built once, as Vaadin's own {@code BeanValidator} does: the constraints are the form's, no Spring bean's. */
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private final Class<?> formType;
    private final String property;
    private final Object[] args;

    private BeanRule(Class<?> formType, String property, Object... args) {
        this.formType = formType;
        this.property = property;
        this.args = args;
    }

    public static <V> BeanRule<V> of(Class<?> formType, String property) {
        return new BeanRule<>(formType, property);
    }

    /**
     * The same rule, its message filled with {@code args} ({@code {0}}, {@code {1}}…): for a bundle message that
     * names the limit it states ("at most {0} characters"), as the service's refusal in the same words does.
     */
    public BeanRule<V> withArgs(Object... args) {
        return new BeanRule<>(formType, property, args);
    }

    @Override
    public ValidationResult apply(V value, ValueContext context) {
        Set<? extends ConstraintViolation<?>> violations = FACTORY.getValidator().validateValue(formType, property,
                value);
        return violations.stream().map(ConstraintViolation::getMessageTemplate).sorted(Comparator.naturalOrder())
                .findFirst()
                .map(template -> ValidationResult.error(words(template, context, args)))
                .orElseGet(ValidationResult::ok);
    }

    private static String words(String template, ValueContext context, Object[] args) {
        String key = template.startsWith("{") && template.endsWith("}")
                ? template.substring(1, template.length() - 1) : template;
        return context.getComponent().map(component -> component.getTranslation(key, args)).orElse(key);
    }
}
