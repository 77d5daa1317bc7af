package id.dukcapil.portal.reports.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A group's durations (ms), kept exactly and compactly: sorted, then each as its difference to the one before in
 * unsigned LEB128 (one to three bytes for the usual seconds to minutes apart). Percentiles interpolate as SQL's
 * PERCENTILE_CONT, found by selection (linear time) rather than by a full sort.
 */
public final class Durations {

    private Durations() {
    }

    /** {@code values[0, count)} sorted in place and encoded. */
    public static byte[] encode(long[] values, int count) {
        Arrays.sort(values, 0, count);
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 2 + 4);
        long previous = 0;
        for (int i = 0; i < count; i++) {
            long delta = values[i] - previous;
            if (delta < 0) {
                throw new IllegalArgumentException("A negative duration: " + values[i]);
            }
            previous = values[i];
            while ((delta & ~0x7FL) != 0) {
                out.write((int) (delta & 0x7F) | 0x80);
                delta >>>= 7;
            }
            out.write((int) delta);
        }
        return out.toByteArray();
    }

    /** Appends the encoded durations to {@code into} from {@code at}; returns the position after the last. */
    public static int decode(byte[] encoded, long[] into, int at) {
        return decode(encoded, 0, encoded.length, into, at);
    }

    /** As above, for the durations encoded in {@code encoded[from, to)}. */
    public static int decode(byte[] encoded, int from, int to, long[] into, int at) {
        long value = 0;
        int i = from;
        while (i < to) {
            long delta = 0;
            int shift = 0;
            byte b;
            do {
                b = encoded[i++];
                delta |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            value += delta;
            into[at++] = value;
        }
        return at;
    }

    /**
     * The {@code p} percentiles (ascending) of {@code values[0, n)}, reordering them: linear interpolation between
     * the closest ranks, as PERCENTILE_CONT.
     */
    public static double[] percentiles(long[] values, int n, double... p) {
        double[] result = new double[p.length];
        int from = 0;
        for (int i = 0; i < p.length; i++) {
            double position = p[i] * (n - 1);
            int lower = (int) Math.floor(position);
            select(values, from, n, lower);
            long low = values[lower];
            long high = low;
            if (lower + 1 < n) {
                high = Long.MAX_VALUE;
                for (int j = lower + 1; j < n; j++) {
                    high = Math.min(high, values[j]);
                }
            }
            result[i] = low + (position - lower) * (high - low);
            // Everything from here on is at least values[lower]: the next (higher) percentile selects only there.
            from = lower;
        }
        return result;
    }

    /** Reorders {@code a[from, to)} so that a[k] is the value of rank k and nothing after it is smaller. */
    static void select(long[] a, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        while (hi > lo) {
            long pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
