package id.dukcapil.portal.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the whole chain.
 *
 * @param entriesChecked how many entries were read
 * @param brokenAt       the position of the first problem, if any
 * @param problem        what is wrong there, if anything
 */
public record ChainVerification(long entriesChecked, @Nullable Long brokenAt, @Nullable Problem problem,
                                long millis) {

    public enum Problem {
        /** An entry's content no longer matches its hash: it was edited. */
        EDITED,
        /** A position is missing: an entry was deleted. */
        MISSING,
        /** An entry does not link to the one before it: it was inserted or moved. */
        NOT_LINKED,
        /** The chain does not end where the chain head says: entries were cut off or added at the end. */
        HEAD_MISMATCH
    }

    public boolean intact() {
        return problem == null;
    }
}
