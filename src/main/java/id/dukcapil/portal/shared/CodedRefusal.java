package id.dukcapil.portal.shared;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A rule violation with a stable {@link ProblemCode}: the APIs answer it as a problem document with that code and
 * status ({@code shared.api.CodedRefusals}), the screens show its message like any other violation.
 */
public class CodedRefusal extends RuleViolation {

    private final ProblemCode code;
    private @Nullable Duration retryAfter;

    public CodedRefusal(ProblemCode code, Object... args) {
        super(code.messageKey(), args);
        this.code = code;
    }

    /** With more specific keys after the code's own (every broken password rule, the population's reason). */
    public CodedRefusal(ProblemCode code, List<String> detailKeys, Object... args) {
        super(Stream.concat(Stream.of(code.messageKey()), detailKeys.stream()).toList(), args);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }

    /** When the refused request may be tried again, if the refusal knows (a throttle's next event): an API's {@code Retry-After}. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** The wait a throttle's refusal tells the client: at least a second, as {@code Retry-After} counts whole seconds. */
    public CodedRefusal retryingAfter(Duration wait) {
        this.retryAfter = wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
        return this;
    }
}
