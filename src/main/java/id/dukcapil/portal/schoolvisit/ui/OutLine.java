package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.schoolvisit.OutpostHold;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A visit out at an outpost as every screen that lists or opens it says it (issue 53): with whom, at which outpost,
 * since when, and that its changes are made there until it comes back.
 */
final class OutLine {

    static final String ID = "visit-out-line";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT + " HH:mm");

    private OutLine() {
    }

    /** "Dibawa ke lapangan oleh … (pos …) sejak dd/MM/yyyy HH:mm", in the user's language. */
    static String text(com.vaadin.flow.component.Component texts, OutpostHold hold, ZoneId zone) {
        return texts.getTranslation("schoolvisit.out.line", hold.name(), hold.outpost(),
                SINCE.format(hold.since().atZone(zone)));
    }

    /** The line and what it means for the screen's actions, as a paragraph that stands out. */
    static Paragraph of(OutpostHold hold, ZoneId zone) {
        Paragraph line = new Paragraph();
        line.setText(text(line, hold, zone) + ". " + line.getTranslation("schoolvisit.out.changes-there"));
        line.setId(ID);
        line.getElement().setAttribute("role", "status");
        line.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))")
                .set("font-weight", "600");
        return line;
    }
}
