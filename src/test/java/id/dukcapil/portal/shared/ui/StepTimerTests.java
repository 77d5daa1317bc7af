package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A desk's step clock turns amber at four fifths of the standard and red past it, as the browser's tick does. */
class StepTimerTests {

    private static final Duration TEN = Duration.ofMinutes(10);

    @Test
    void within_four_fifths_it_is_ok_then_near_up_to_the_standard_then_over() {
        assertThat(StepTimer.state(Duration.ZERO, TEN)).isEqualTo("ok");
        assertThat(StepTimer.state(Duration.ofSeconds(479), TEN)).isEqualTo("ok");
        assertThat(StepTimer.state(Duration.ofMinutes(8), TEN)).isEqualTo("near");
        assertThat(StepTimer.state(TEN, TEN)).as("the standard itself is still within it").isEqualTo("near");
        assertThat(StepTimer.state(TEN.plusSeconds(1), TEN)).isEqualTo("over");
    }
}
