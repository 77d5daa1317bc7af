package id.dukcapil.portal.shared;

import java.util.List;
import java.util.stream.Stream;

/**
 * A rule violation with a stable {@link ProblemCode}: the APIs answer it as a problem document with that code and
 * status ({@code shared.api.CodedRefusals}), the screens show its message like any other violation.
 */
public class CodedRefusal extends RuleViolation {

    private final ProblemCode code;

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
}
