package id.dukcapil.portal.kkprint;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One state change of a request.
 *
 * @param reasonPublic whether the citizen sees the reason (a verifier's note to the operator is internal)
 */
public record HistoryEntry(Instant at, String actor, @Nullable RequestState from, RequestState to,
                           @Nullable String reason, boolean reasonPublic) {
}
