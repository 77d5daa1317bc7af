package id.dukcapil.portal.reports.ui;

import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How the report screens write a figure: numbers and shares in the reader's locale, durations as h:mm:ss, the UI's
 * one date format, and a service point by its name, never its code (issue 36).
 */
final class FigureTexts {

    /** The UI's one date format (issue 18): the day, or the Monday of the week. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);

    private final Supplier<Locale> locale;
    private final Map<String, String> pointNames;

    /** @param pointNames the points' names by code: figures and steps carry codes, the reader reads names */
    FigureTexts(Supplier<Locale> locale, Map<String, String> pointNames) {
        this.locale = locale;
        this.pointNames = new java.util.HashMap<>(pointNames);
    }

    String number(long value) {
        return NumberFormat.getIntegerInstance(locale.get()).format(value);
    }

    String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(locale.get());
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
                : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }

    String pointName(@Nullable String code) {
        return code == null ? "–" : pointNames.getOrDefault(code, code);
    }

    static String orDash(@Nullable String value) {
        return value == null ? "–" : value;
    }
}
