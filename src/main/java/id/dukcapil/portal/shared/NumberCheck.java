package id.dukcapil.portal.shared;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of checking a typed-in identity number (NIK or KK number): the value when it is valid, every
 * error that makes it invalid, and warnings that do not (a region code no longer in today's list).
 */
public record NumberCheck<T>(@Nullable T value, List<Finding> errors, List<Finding> warnings) {

    public NumberCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if ((value == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("A check has a value exactly when it found no error");
        }
    }

    public boolean valid() {
        return value != null;
    }

    public Optional<T> optional() {
        return Optional.ofNullable(value);
    }

    /** The value, or a {@link RuleViolation} naming the first error. */
    public T orThrow() {
        if (value == null) {
            Finding first = errors.getFirst();
            throw new RuleViolation(first.messageKey(), first.argsArray());
        }
        return value;
    }
}
