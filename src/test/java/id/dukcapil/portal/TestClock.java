package id.dukcapil.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The portal's clock in tests: real time until a test sets or advances it, so rules that depend on time
 * (lockout, SLA, quota) are tested to the minute. {@link #reset()} returns it to real time.
 */
public final class TestClock extends Clock {

    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Jakarta");
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    @Override
    public ZoneId getZone() {
        return OFFICE_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The portal keeps office time");
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at != null ? at : Instant.now();
    }

    public void setInstant(Instant instant) {
        fixed.set(instant);
    }

    public void advance(Duration duration) {
        fixed.set(instant().plus(duration));
    }

    public void reset() {
        fixed.set(null);
    }
}
