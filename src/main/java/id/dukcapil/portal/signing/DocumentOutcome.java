package id.dukcapil.portal.signing;

import org.jspecify.annotations.Nullable;

/**
 * How signing one document of a batch ended.
 *
 * @param messageKey why it failed or was skipped (a translation key), with its argument
 */
public record DocumentOutcome(long documentId, String number, Result result, @Nullable String messageKey,
                              @Nullable String detail) {

    public enum Result {
        SIGNED,
        FAILED,
        /** Already signed or sent back by someone else meanwhile: nothing done. */
        SKIPPED;

        public String labelKey() {
            return "signing.outcome." + name();
        }
    }
}
