package id.dukcapil.portal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The board's wait estimate (decision 143): the day's median recording time per round of calls, or no figure. */
class WaitEstimateTest {

    @Test
    void fewer_than_five_recordings_of_the_day_give_no_figure_and_say_how_many_there_are() {
        WaitEstimate estimate = WaitEstimate.of(12, minutes(6, 7, 8, 9), 2);
        assertThat(estimate.minutes()).isNull();
        assertThat(estimate.served()).isEqualTo(4);
        assertThat(estimate.waiting()).isEqualTo(12);
    }

    @Test
    void the_median_recording_time_times_the_rounds_of_calls_ahead_rounded_up_to_a_minute() {
        // median 7 min; 10 waiting at 3 desks: 4 rounds (3 + 3 + 3 + 1)
        assertThat(WaitEstimate.of(10, minutes(5, 6, 7, 30, 8), 3).minutes()).isEqualTo(28);
        // one desk: every number ahead is a round
        assertThat(WaitEstimate.of(4, minutes(6, 6, 6, 6, 6), 1).minutes()).isEqualTo(24);
        // an even count: the middle two averaged (6½ and 8½ min: 7½), rounded up
        assertThat(WaitEstimate.of(1, List.of(Duration.ofSeconds(390), Duration.ofSeconds(390),
                Duration.ofSeconds(510), Duration.ofSeconds(510), Duration.ofSeconds(100),
                Duration.ofSeconds(900)), 1).minutes()).isEqualTo(8);
    }

    @Test
    void one_long_recording_does_not_move_the_estimate_as_an_average_would() {
        assertThat(WaitEstimate.of(2, minutes(6, 6, 6, 6, 6, 95), 1).minutes()).isEqualTo(12);
    }

    @Test
    void nobody_waiting_is_no_wait_and_no_desk_at_work_counts_as_one() {
        assertThat(WaitEstimate.of(0, minutes(6, 6, 6, 6, 6), 2).minutes()).isZero();
        assertThat(WaitEstimate.of(3, minutes(6, 6, 6, 6, 6), 0).minutes()).isEqualTo(18);
    }

    private static List<Duration> minutes(int... each) {
        return IntStream.of(each).mapToObj(Duration::ofMinutes).toList();
    }
}
