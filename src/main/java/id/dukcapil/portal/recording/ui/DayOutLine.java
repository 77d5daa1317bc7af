package id.dukcapil.portal.recording.ui;

import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;

/**
 * A desk's first line while its point's day is out at an outpost (decision 200): where, taken by whom and since when,
 * in the words its refusals use, before anyone tries a step.
 */
final class DayOutLine {

    private DayOutLine() {
    }

    static Paragraph of(RuleViolation out) {
        Paragraph line = new Paragraph(Notifications.text(out));
        line.setId("recording-day-out");
        line.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        return line;
    }
}
