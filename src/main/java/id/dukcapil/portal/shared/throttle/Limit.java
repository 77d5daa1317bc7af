package id.dukcapil.portal.shared.throttle;

import java.time.Duration;

/**
 * At most {@code events} in any {@code period}; used ones come back gradually (one every period/events), so a key
 * that stops for a whole period starts afresh.
 */
public record Limit(long events, Duration period) {

    public Limit {
        if (events < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A limit needs at least one event in a positive period");
        }
    }

    public static Limit of(long events, Duration period) {
        return new Limit(events, period);
    }
}
