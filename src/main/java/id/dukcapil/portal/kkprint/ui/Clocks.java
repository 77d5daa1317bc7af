package id.dukcapil.portal.kkprint.ui;

import com.vaadin.flow.component.Component;
import id.dukcapil.portal.kkprint.InboxRow;
import id.dukcapil.portal.shared.ui.Durations;
import java.time.Instant;

/**
 * The live clock of an inbox row: minutes in its step against the standard, or the minutes a request not taken yet has
 * waited, in the reader's words.
 */
final class Clocks {

    private Clocks() {
    }

    static String inStep(Component reader, InboxRow row, Instant now) {
        java.time.Duration standard = row.standard();
        if (standard == null) {
            return reader.getTranslation("kkprint.clock.waiting", Durations.minutes(reader, row.inStep(now)));
        }
        return Durations.minutes(reader, row.inStep(now)) + " / " + Durations.minutes(reader, standard);
    }
}
