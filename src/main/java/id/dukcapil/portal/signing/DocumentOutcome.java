package id.dukcapil.portal.signing;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * How signing one document of a batch ended.
 *
 * @param messageKey why it failed or was skipped (a translation key), with its argument
 */
public record DocumentOutcome(long documentId, String number, Result result, @Nullable String messageKey,
                              @Nullable String detail) {

    /** The order a batch's results are shown in: what needs the head's eye first, then by document number. */
    public static final Comparator<DocumentOutcome> FAILED_FIRST = Comparator
            .comparing((DocumentOutcome outcome) -> outcome.result().urgency())
            .thenComparing(DocumentOutcome::number);

    public enum Result {
        SIGNED,
        FAILED,
        /** Already signed or sent back by someone else meanwhile: nothing done. */
        SKIPPED;

        public String labelKey() {
            return "signing.outcome." + name();
        }

        /** Failed (to look at), then skipped (to know), then signed. */
        int urgency() {
            return switch (this) {
                case FAILED -> 0;
                case SKIPPED -> 1;
                case SIGNED -> 2;
            };
        }
    }
}
