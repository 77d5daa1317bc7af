package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Component;
import java.time.Duration;

/** A clock's minutes as the screens show them, in the reader's language: "7 mnt", "1 jam 05 mnt" ("7 min", "1 h 05 min"). */
public final class Durations {

    private Durations() {
    }

    /** Whole minutes, never below zero; from an hour on, hours and minutes. */
    public static String minutes(Component reader, Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        return minutes >= 60
                ? reader.getTranslation("shared.duration.hours", minutes / 60, "%02d".formatted(minutes % 60))
                : reader.getTranslation("shared.duration.minutes", minutes);
    }
}
