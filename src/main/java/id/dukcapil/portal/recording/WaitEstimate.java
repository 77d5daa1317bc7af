package id.dukcapil.portal.recording;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How long a number given now would wait at a point (decision 143): the median of the day's own recordings (call to
 * recorded) times the rounds of calls ahead of it, a round being one number at each desk calling. Honest when the
 * day has too little to go on: fewer than {@link #ENOUGH} recordings give no figure at all.
 *
 * @param waiting the numbers waiting now
 * @param served  how many of the day's recordings the figure rests on
 * @param minutes the estimate in whole minutes, rounded up; null when there is too little data
 */
public record WaitEstimate(int waiting, int served, @Nullable Integer minutes) {

    /** Recordings of the day needed before a median says anything about the desks' pace. */
    public static final int ENOUGH = 5;

    public static WaitEstimate of(int waiting, List<Duration> served, int desks) {
        if (served.size() < ENOUGH) {
            return new WaitEstimate(waiting, served.size(), null);
        }
        long rounds = (waiting + Math.max(1, desks) - 1) / Math.max(1, desks);
        long seconds = median(served).toSeconds() * rounds;
        return new WaitEstimate(waiting, served.size(), (int) ((seconds + 59) / 60));
    }

    static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
