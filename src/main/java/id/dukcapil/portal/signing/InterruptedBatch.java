package id.dukcapil.portal.signing;

import java.time.Instant;

/**
 * A batch that did not finish (stopped, or cut by a crash) and can be resumed.
 *
 * @param open its documents still waiting
 */
public record InterruptedBatch(long id, String startedBy, Instant startedAt, int total, int open) {
}
