package id.dukcapil.portal.shared.throttle;

import java.time.Duration;

/**
 * One limit counted per key (an account, an e-mail address, a client address), each key in its own token bucket.
 * Thread-safe. Keys whose bucket is full again are forgotten, and the number kept is capped: what is stored stays
 * bounded whatever a stranger sends. {@link Throttles#of} counts in the database, one count for every node;
 * {@link Throttles#perNode} in this node's memory.
 *
 * <p>Two ways to use it: {@link #tryTake} for what is limited however it turns out (e-mails sent, requests made, a try
 * reserved before a secret is checked); {@link #spent} before and {@link #take} after for what only counts when it
 * fails. The first is exact when tries arrive together; the second lets through as many as are checked at once.
 */
public sealed interface Throttle permits SharedThrottle, NodeThrottle {

    /** Counts one event for the key if the limit allows it; false (and nothing counted) when it does not. */
    boolean tryTake(String key);

    /** Counts one event for the key even beyond the limit (a failure that has already happened). */
    void take(String key);

    /** Gives back one event {@link #tryTake} counted, for a try that turned out not to count. */
    void giveBack(String key);

    /** Whether the key has no event left now; counts nothing. */
    boolean spent(String key);

    /**
     * How long until the key has an event again: zero while it has one now. Counts nothing; what a refusal's
     * {@code Retry-After} says (decision 182).
     */
    Duration untilNext(String key);

    /** Starts the key afresh (a correct password after a few wrong ones). */
    void forgive(String key);

    String purpose();

    Limit limit();
}
