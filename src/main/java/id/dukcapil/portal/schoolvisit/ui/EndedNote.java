package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.schoolvisit.EndReason;
import id.dukcapil.portal.schoolvisit.FieldStudent;
import id.dukcapil.portal.shared.ServicePointNames;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Why SOP D ended for the student: the screen says it in words, with the card printed before if that is why. */
class EndedNote extends Paragraph {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);

    EndedNote(FieldStudent student, ServicePointNames pointNames, ZoneId zone) {
        setId("field-ended");
        EndReason reason = student.student().endReason();
        if (reason == EndReason.CARD_PRINTED_BEFORE && !student.cardsPrinted().isEmpty()) {
            CardPrint last = student.cardsPrinted().getLast();
            setText(getTranslation("schoolvisit.field.card-printed-before", student.resident().fullName(),
                    DATE.format(last.printedAt().atZone(zone)), pointNames.nameOf(last.servicePoint())));
        } else {
            setText(reason == null ? "" : getTranslation(reason.labelKey()));
        }
    }
}
