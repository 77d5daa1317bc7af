package id.dukcapil.portal.kkprint.ui;

import id.dukcapil.portal.kkprint.InboxRow;
import java.time.Duration;
import java.time.Instant;

/** The live clock of an inbox row: minutes in its step against the standard. */
final class Clocks {

    private Clocks() {
    }

    static String inStep(InboxRow row, Instant now) {
        return minutes(row.inStep(now)) + " / " + minutes(row.standard());
    }

    static String minutes(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        return minutes >= 60 ? "%d:%02d h".formatted(minutes / 60, minutes % 60) : minutes + " min";
    }
}
