package id.dukcapil.portal;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A query and its baseline timed turn about after a warm-up, so that both meet the same caches, the same
 * compilation and the same neighbours on the machine: the benchmarks' way to put a figure beside its baseline.
 */
public record TurnAbout(Timing baseline, Timing subject) {

    /** Median and 95th percentile, in milliseconds. */
    public record Timing(double p50, double p95) {
    }

    public static TurnAbout measure(int warmUp, int runs, Supplier<?> baseline, Supplier<?> subject) {
        for (int i = 0; i < warmUp; i++) {
            baseline.get();
            subject.get();
        }
        double[] baselineMillis = new double[runs];
        double[] subjectMillis = new double[runs];
        for (int i = 0; i < runs; i++) {
            baselineMillis[i] = millis(baseline);
            subjectMillis[i] = millis(subject);
        }
        return new TurnAbout(timing(baselineMillis), timing(subjectMillis));
    }

    private static double millis(Supplier<?> query) {
        long started = System.nanoTime();
        query.get();
        return (System.nanoTime() - started) / 1e6;
    }

    private static Timing timing(double[] millis) {
        Arrays.sort(millis);
        return new Timing(millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.95) - 1]);
    }
}
