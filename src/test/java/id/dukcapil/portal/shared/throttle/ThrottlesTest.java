package id.dukcapil.portal.shared.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The throttle primitive: per key, on the injected clock, with a used event coming back over the period. */
class ThrottlesTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T02:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final Throttles throttles = new Throttles(clock);

    @Test
    void a_key_gets_its_events_then_waits_while_another_key_goes_on() {
        Throttle mails = throttles.of("test.mails", Limit.of(3, Duration.ofMinutes(30)));
        assertThat(mails.tryTake("a")).isTrue();
        assertThat(mails.tryTake("a")).isTrue();
        assertThat(mails.tryTake("a")).isTrue();
        assertThat(mails.tryTake("a")).isFalse();
        assertThat(mails.spent("a")).isTrue();
        assertThat(mails.tryTake("b")).isTrue();
        now.set(now.get().plus(Duration.ofMinutes(10)));
        assertThat(mails.tryTake("a")).as("one event back after a third of the period").isTrue();
        assertThat(mails.tryTake("a")).isFalse();
    }

    @Test
    void failures_are_counted_after_the_fact_and_a_success_forgives_them() {
        Throttle failures = throttles.of("test.failures", Limit.of(2, Duration.ofMinutes(15)));
        assertThat(failures.spent("x")).isFalse();
        failures.take("x");
        failures.take("x");
        assertThat(failures.spent("x")).isTrue();
        failures.forgive("x");
        assertThat(failures.spent("x")).isFalse();
    }

    @Test
    void one_purpose_has_one_limit() {
        Throttle first = throttles.of("test.same", Limit.of(2, Duration.ofMinutes(1)));
        assertThat(throttles.of("test.same", Limit.of(2, Duration.ofMinutes(1)))).isSameAs(first);
        assertThatThrownBy(() -> throttles.of("test.same", Limit.of(3, Duration.ofMinutes(1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
