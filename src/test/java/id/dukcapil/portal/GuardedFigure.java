package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ratio the CI's benchmark stage guards (issue 56): the figure recorded in {@code docs/benchmarks.md}, in the row
 * of the table "The CI's guard" that names it ({@code | `booking-burst` | … | **64 %** | …}), and the rule that a run
 * whose median falls below two thirds of it fails. The recorded figure moves only with a commit that says why.
 */
public record GuardedFigure(String name, double recordedPercent) {

    /** A run fails below this share of the recorded figure: the machine's own scatter stays above it. */
    public static final double FLOOR_SHARE = 2.0 / 3;
    private static final Path RECORD = Path.of("docs", "benchmarks.md");

    /** The figure recorded under the name, read from {@code docs/benchmarks.md}. */
    public static GuardedFigure recorded(String name) {
        String text;
        try {
            text = Files.readString(RECORD);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The guard's figures are read from " + RECORD.toAbsolutePath(), unreadable);
        }
        Matcher row = Pattern.compile("^\\|\\s*`" + Pattern.quote(name) + "`\\s*\\|[^\\n]*?\\*\\*(\\d+(?:\\.\\d+)?) %\\*\\*",
                Pattern.MULTILINE).matcher(text);
        if (!row.find()) {
            throw new IllegalStateException("docs/benchmarks.md records no guarded figure named `" + name + "`");
        }
        return new GuardedFigure(name, Double.parseDouble(row.group(1)));
    }

    /** The lowest median a run may measure and pass. */
    public double floorPercent() {
        return recordedPercent * FLOOR_SHARE;
    }

    /** Fails unless the run's median is at least two thirds of the recorded figure; prints both either way. */
    public void assertHeldBy(double medianPercent, String rounds) {
        System.out.printf("BENCHMARK guard %s: median %.0f %% (rounds %s); recorded %.0f %%, fails below %.0f %%%n",
                name, medianPercent, rounds, recordedPercent, floorPercent());
        assertThat(medianPercent)
                .as("%s: the median of the rounds against two thirds of the %.0f %% recorded in docs/benchmarks.md",
                        name, recordedPercent)
                .isGreaterThanOrEqualTo(floorPercent());
    }
}
