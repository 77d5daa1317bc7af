package id.dukcapil.portal.reports.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * A group's durations (ms), kept exactly and compactly: sorted, then each as its difference to the one before in
 * unsigned LEB128 (one to three bytes for the usual seconds to minutes apart); {@link Percentiles} reads them.
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

    /**
     * Hands the durations encoded in {@code encoded[from, to)} to {@code visitor} in ascending order, until it
     * answers false.
     */
    public static void forEach(byte[] encoded, int from, int to, LongPredicate visitor) {
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
            if (!visitor.test(value)) {
                return;
            }
        }
    }
}
