package id.dukcapil.portal.shared;

/**
 * A rule violation with a stable {@link ProblemCode}: the APIs answer it as a problem document with that code and
 * status ({@code shared.api.ApiRequestProblems}), the screens show its message like any other violation.
 */
public class CodedRefusal extends RuleViolation {

    private final ProblemCode code;

    public CodedRefusal(ProblemCode code, Object... args) {
        super(code.messageKey(), args);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }
}
