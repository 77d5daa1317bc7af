package id.dukcapil.portal.population;

import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.RuleViolation;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The answer to an eligibility question: yes, or no with the reason a desk officer can read out. */
public record Verdict(boolean eligible, @Nullable Finding reason) {

    public Verdict {
        if (eligible == (reason != null)) {
            throw new IllegalArgumentException("A refusal has a reason, an approval none");
        }
    }

    public static Verdict yes() {
        return new Verdict(true, null);
    }

    public static Verdict no(String messageKey, Object... args) {
        return new Verdict(false, Finding.of(messageKey, args));
    }

    public Optional<Finding> refusal() {
        return Optional.ofNullable(reason);
    }

    /** Nothing when eligible, a {@link RuleViolation} with the reason otherwise. */
    public void orThrow() {
        if (reason != null) {
            throw new RuleViolation(reason.messageKey(), reason.argsArray());
        }
    }
}
