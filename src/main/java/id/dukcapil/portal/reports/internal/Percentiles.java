package id.dukcapil.portal.reports.internal;

import java.util.Arrays;

/**
 * Exact percentiles of many series at once (a series: the durations of one figure, say one step or one day), whose
 * durations lie in encoded slices ({@link DayRollup.Group}) that may each belong to several series. Two passes,
 * each decoding every slice once for all its series (decision 090): {@link #count} tallies the durations per
 * logarithmic bucket (16 per power of two, so a bucket is at most 1/16 of its values wide); {@link #keep} decodes
 * again and keeps only the durations in the buckets that hold the ranks asked for, stopping at the first duration
 * past the last such bucket (a slice is sorted); {@link #of} selects among the kept ones. The result is the
 * interpolation of SQL's PERCENTILE_CONT. Not thread-safe: one per thread.
 */
public final class Percentiles {

    private static final int SUB_BUCKET_BITS = 4;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int BUCKETS = SUB_BUCKETS + (64 - SUB_BUCKET_BITS) * SUB_BUCKETS;

    private final double[] p;
    private final int[] counts;
    private final long[] sizes;
    /** Per series, after counting: the first and the last bucket worth keeping (one range per percentile). */
    private int[][] wanted;
    private int[] lastWanted;
    private long[][] kept;
    private int[] keptSizes;

    /** For {@code series} series, the {@code p} percentiles (ascending, 0..1) of each. */
    public Percentiles(int series, double... p) {
        this.p = p.clone();
        this.counts = new int[series * BUCKETS];
        this.sizes = new long[series];
    }

    /** Pass one: the slice's durations counted for each of the given series. */
    public void count(DayRollup.Group slice, int[] series, int from, int to) {
        if (wanted != null) {
            throw new IllegalStateException("Counting is over once keeping has begun");
        }
        for (int i = from; i < to; i++) {
            sizes[series[i]] += slice.count();
        }
        Durations.forEach(slice.content(), slice.from(), slice.to(), value -> {
            int bucket = bucket(value);
            for (int i = from; i < to; i++) {
                counts[series[i] * BUCKETS + bucket]++;
            }
            return true;
        });
    }

    /** Pass two: of the slice's durations, those each of the given series needs. */
    public void keep(DayRollup.Group slice, int[] series, int from, int to) {
        if (wanted == null) {
            plan();
        }
        int last = -1;
        for (int i = from; i < to; i++) {
            last = Math.max(last, lastWanted[series[i]]);
        }
        int stopAfter = last;
        Durations.forEach(slice.content(), slice.from(), slice.to(), value -> {
            int bucket = bucket(value);
            if (bucket > stopAfter) {
                return false;
            }
            for (int i = from; i < to; i++) {
                if (wanted(wanted[series[i]], bucket)) {
                    keep(series[i], value);
                }
            }
            return true;
        });
    }

    /** The series' percentiles; zeros for a series without durations. */
    public double[] of(int series) {
        double[] result = new double[p.length];
        long n = sizes[series];
        if (n == 0) {
            return result;
        }
        if (wanted == null) {
            throw new IllegalStateException("Nothing kept yet");
        }
        long[] values = kept[series];
        Arrays.sort(values, 0, keptSizes[series]);
        int[] ranges = wanted[series];
        int base = series * BUCKETS;
        for (int i = 0; i < p.length; i++) {
            double position = p[i] * (n - 1);
            long lower = (long) Math.floor(position);
            // Its rank among the kept (sorted) durations: less every duration of the buckets before its range,
            // plus those of them that were kept.
            long skipped = 0;
            for (int b = 0; b < ranges[2 * i]; b++) {
                if (!wanted(ranges, b)) {
                    skipped += counts[base + b];
                }
            }
            int at = (int) (lower - skipped);
            long low = values[at];
            long high = lower + 1 < n ? values[at + 1] : low;
            result[i] = low + (position - lower) * (high - low);
        }
        return result;
    }

    /** The bucket of a duration: exact below 16 ms, then 16 buckets per power of two; monotonic in the value. */
    static int bucket(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BUCKET_BITS;
        return SUB_BUCKETS + shift * SUB_BUCKETS + (int) ((value >>> shift) & (SUB_BUCKETS - 1));
    }

    /** Per series and percentile, the buckets of its two nearest ranks: the durations worth keeping. */
    private void plan() {
        int series = sizes.length;
        wanted = new int[series][];
        lastWanted = new int[series];
        kept = new long[series][];
        keptSizes = new int[series];
        for (int s = 0; s < series; s++) {
            int[] ranges = new int[2 * p.length];
            Arrays.fill(ranges, -1);
            long n = sizes[s];
            lastWanted[s] = -1;
            for (int i = 0; i < p.length && n > 0; i++) {
                long lower = (long) Math.floor(p[i] * (n - 1));
                ranges[2 * i] = bucketOfRank(s, lower);
                ranges[2 * i + 1] = bucketOfRank(s, Math.min(lower + 1, n - 1));
                lastWanted[s] = Math.max(lastWanted[s], ranges[2 * i + 1]);
            }
            wanted[s] = ranges;
            kept[s] = new long[16];
        }
    }

    private static boolean wanted(int[] ranges, int bucket) {
        for (int r = 0; r < ranges.length; r += 2) {
            if (bucket >= ranges[r] && bucket <= ranges[r + 1]) {
                return true;
            }
        }
        return false;
    }

    private int bucketOfRank(int series, long rank) {
        long seen = 0;
        int base = series * BUCKETS;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts[base + b];
            if (seen > rank) {
                return b;
            }
        }
        throw new IllegalStateException("Rank " + rank + " beyond the " + seen + " durations counted");
    }

    private void keep(int series, long value) {
        long[] values = kept[series];
        if (keptSizes[series] == values.length) {
            kept[series] = values = Arrays.copyOf(values, values.length * 2);
        }
        values[keptSizes[series]++] = value;
    }
}
