package id.dukcapil.portal.shared;

import java.util.List;

/**
 * A rule refused what the user asked. Carries translation keys, not text, so each screen and API answer
 * says it in the user's language.
 *
 * <p>A refusal is an answer, not a failure: it carries no stack trace (decision 111). Filling one in cost a refused
 * booking more than validating its body, and no refusal is ever logged with its stack; where it was thrown is
 * told by its keys.
 */
public class RuleViolation extends RuntimeException {

    private final List<String> messageKeys;
    private final transient Object[] args;

    public RuleViolation(String messageKey, Object... args) {
        this(List.of(messageKey), args);
    }

    public RuleViolation(List<String> messageKeys, Object... args) {
        super(String.join(", ", messageKeys), null, false, false);
        this.messageKeys = List.copyOf(messageKeys);
        this.args = args.clone();
    }

    public List<String> messageKeys() {
        return messageKeys;
    }

    public Object[] args() {
        return args.clone();
    }
}
