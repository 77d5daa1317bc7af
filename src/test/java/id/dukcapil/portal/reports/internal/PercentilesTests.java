package id.dukcapil.portal.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The two-pass percentiles are exactly SQL's PERCENTILE_CONT over the same durations, however they are sliced. */
class PercentilesTests {

    private static final double[] P = {0.5, 0.9};


    @Test
    void agree_with_a_full_sort_over_many_slices_of_skewed_durations() {
        Random random = new Random(90);
        for (int trial = 0; trial < 200; trial++) {
            int slices = 1 + random.nextInt(40);
            List<long[]> parts = new ArrayList<>();
            for (int s = 0; s < slices; s++) {
                long[] part = new long[random.nextInt(300)];
                for (int i = 0; i < part.length; i++) {
                    // Log-normal around five minutes, a tail to days, some ties and some durations under 16 ms.
                    part[i] = switch (random.nextInt(10)) {
                        case 0 -> random.nextInt(16);
                        case 1 -> 300_000;
                        default -> Math.round(240_000 * Math.exp(1.2 * random.nextGaussian()));
                    };
                }
                parts.add(part);
            }
            assertAgrees(parts);
        }
    }

    @Test
    void one_duration_and_all_alike() {
        assertAgrees(List.of(new long[] {42_000}));
        assertAgrees(List.of(new long[] {7, 7, 7}, new long[] {7}));
        assertAgrees(List.of(new long[] {1}, new long[] {Long.MAX_VALUE / 4}));
        assertThat(new Percentiles(1, P).of(0)).containsExactly(0, 0);
    }

    @Test
    void buckets_rise_with_the_duration_and_are_at_most_a_sixteenth_wide() {
        int previous = -1;
        for (long value = 0; value < 5_000_000; value += 1 + value / 100) {
            int bucket = Percentiles.bucket(value);
            assertThat(bucket).isGreaterThanOrEqualTo(previous);
            previous = bucket;
        }
        assertThat(Percentiles.bucket(Long.MAX_VALUE)).isGreaterThan(Percentiles.bucket(Long.MAX_VALUE / 2));
        assertThat(Percentiles.bucket(1_600)).isNotEqualTo(Percentiles.bucket(1_700));
    }

    @Test
    void a_slice_in_several_series_counts_in_each() {
        // Series 0 holds both slices, series 1 the first only, series 2 the second only.
        long[] first = {1_000, 2_000, 3_000, 400_000};
        long[] second = {5, 2_500, 9_000_000};
        Percentiles percentiles = new Percentiles(3, P);
        List<DayRollup.Group> slices = List.of(slice(first), slice(second));
        int[][] series = {{0, 1}, {0, 2}};
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < 2; i++) {
                if (pass == 0) {
                    percentiles.count(slices.get(i), series[i], 0, 2);
                } else {
                    percentiles.keep(slices.get(i), series[i], 0, 2);
                }
            }
        }
        assertThat(percentiles.of(0)).containsExactly(expected(5, 1_000, 2_000, 2_500, 3_000, 400_000, 9_000_000));
        assertThat(percentiles.of(1)).containsExactly(expected(first));
        assertThat(percentiles.of(2)).containsExactly(expected(second));
    }

    /** Every slice its own series, and one series of them all. */
    private void assertAgrees(List<long[]> parts) {
        Percentiles percentiles = new Percentiles(parts.size() + 1, P);
        List<DayRollup.Group> slices = parts.stream().map(PercentilesTests::slice).toList();
        for (int i = 0; i < slices.size(); i++) {
            percentiles.count(slices.get(i), new int[] {i, parts.size()}, 0, 2);
        }
        for (int i = 0; i < slices.size(); i++) {
            percentiles.keep(slices.get(i), new int[] {i, parts.size()}, 0, 2);
        }
        for (int i = 0; i < parts.size(); i++) {
            assertClose(percentiles.of(i), expected(parts.get(i)));
        }
        assertClose(percentiles.of(parts.size()), expected(parts.stream().flatMapToLong(Arrays::stream).toArray()));
    }

    private static DayRollup.Group slice(long[] durations) {
        byte[] encoded = Durations.encode(durations.clone(), durations.length);
        return new DayRollup.Group("B", "B7", "SP", "x", durations.length, 0, 0, encoded, 0, encoded.length);
    }

    /** PERCENTILE_CONT by a full sort. */
    private static double[] expected(long... values) {
        double[] result = new double[P.length];
        if (values.length == 0) {
            return result;
        }
        long[] all = values.clone();
        Arrays.sort(all);
        for (int i = 0; i < P.length; i++) {
            double position = P[i] * (all.length - 1);
            int lower = (int) Math.floor(position);
            long high = all[Math.min(lower + 1, all.length - 1)];
            result[i] = all[lower] + (position - lower) * (high - all[lower]);
        }
        return result;
    }

    private static void assertClose(double[] actual, double[] expected) {
        for (int i = 0; i < P.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-6 * Math.max(1, expected[i])));
        }
    }
}
