package id.dukcapil.portal.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the whole chain.
 *
 * @param entriesChecked how many entries were read
 * @param brokenAt       the position of the first problem, if any
 * @param problem        what is wrong there, if anything
 * @param keyedFrom      the first entry chained with the key (HMAC); entries before it have a plain SHA-256
 * @param anchorsChecked how many anchors kept outside the database (file, pasted) the chain was held against
 */
public record ChainVerification(long entriesChecked, @Nullable Long brokenAt, @Nullable Problem problem,
                                long millis, @Nullable Long keyedFrom, int anchorsChecked) {

    public enum Problem {
        /** An entry's content no longer matches its hash: it was edited. */
        EDITED,
        /** A position is missing: an entry was deleted. */
        MISSING,
        /** An entry does not link to the one before it: it was inserted or moved. */
        NOT_LINKED,
        /** The chain does not end where the chain head says: entries were cut off or added at the end. */
        HEAD_MISMATCH,
        /** An entry where the chain is keyed carries only a plain hash: it was rewritten without the key. */
        NOT_KEYED,
        /** An entry's HMAC names a key the portal does not have: forged, or the wrong key is configured. */
        UNKNOWN_KEY,
        /** The chain differs from an anchor kept outside the database: history before it was rewritten. */
        ANCHOR_MISMATCH
    }

    public boolean intact() {
        return problem == null;
    }
}
