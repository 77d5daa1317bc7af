package id.dukcapil.portal.shared.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The throttle primitive, counted in the database and in a node's memory alike: per key, on the injected clock, with
 * a used event coming back over the period.
 */
@PortalTest
class ThrottlesTests {

    @Autowired Throttles throttles;
    @Autowired TestClock clock;
    /** This run's own purposes: the database outlives a test. */
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void at_a_fixed_time() {
        clock.setInstant(TestDays.at(TestDays.nextMonday(clock), "09:00"));
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    BiFunction<String, Limit, Throttle> kind(String kind) {
        return kind.equals("shared") ? (purpose, limit) -> throttles.of(run + purpose, limit)
                : (purpose, limit) -> throttles.perNode(run + purpose, limit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "per-node"})
    void a_key_gets_its_events_then_waits_while_another_key_goes_on(String kind) {
        Throttle mails = kind(kind).apply(".mails", Limit.of(3, Duration.ofMinutes(30)));
        assertThat(mails.tryTake("a")).isTrue();
        assertThat(mails.tryTake("a")).isTrue();
        assertThat(mails.tryTake("a")).isTrue();
        assertThat(mails.tryTake("a")).isFalse();
        assertThat(mails.spent("a")).isTrue();
        assertThat(mails.tryTake("b")).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(mails.tryTake("a")).as("one event back after a third of the period").isTrue();
        assertThat(mails.tryTake("a")).isFalse();
        clock.advance(Duration.ofMinutes(30));
        assertThat(mails.spent("a")).as("a whole period later, afresh").isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(mails.tryTake("a")).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "per-node"})
    void failures_are_counted_after_the_fact_and_a_success_forgives_them(String kind) {
        Throttle failures = kind(kind).apply(".failures", Limit.of(2, Duration.ofMinutes(15)));
        assertThat(failures.spent("x")).isFalse();
        failures.take("x");
        failures.take("x");
        assertThat(failures.spent("x")).isTrue();
        failures.forgive("x");
        assertThat(failures.spent("x")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "per-node"})
    void a_try_given_back_is_as_if_never_taken(String kind) {
        Throttle tries = kind(kind).apply(".tries", Limit.of(2, Duration.ofMinutes(15)));
        assertThat(tries.tryTake("x")).isTrue();
        tries.giveBack("x");
        assertThat(tries.tryTake("x")).isTrue();
        assertThat(tries.tryTake("x")).isTrue();
        assertThat(tries.tryTake("x")).isFalse();
    }

    @Test
    void one_purpose_has_one_limit_and_one_place_to_count() {
        Throttle first = throttles.of(run + ".same", Limit.of(2, Duration.ofMinutes(1)));
        assertThat(throttles.of(run + ".same", Limit.of(2, Duration.ofMinutes(1)))).isSameAs(first);
        assertThatThrownBy(() -> throttles.of(run + ".same", Limit.of(3, Duration.ofMinutes(1))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> throttles.perNode(run + ".same", Limit.of(2, Duration.ofMinutes(1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
