package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.schoolvisit.EnrolmentAnswers;
import id.dukcapil.portal.schoolvisit.FieldDesk;
import id.dukcapil.portal.schoolvisit.FieldStudent;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.time.format.DateTimeFormatter;

/**
 * A student waiting for the card: the action that moves their record on, whatever the central enrolment says
 * (decision 126) — send a recording not yet sent, record the centre's answer, print, or end with the reason.
 */
class CardStep extends Div {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);

    CardStep(FieldStudent student, long visitId, FieldDesk desk, EnrolmentAnswers enrolment, StepButtons buttons) {
        long id = student.student().id();
        switch (student.enrolmentStatus()) {
            case BIOMETRICS_CAPTURED -> add(new Paragraph(getTranslation("schoolvisit.field.not-sent")),
                    buttons.primary("schoolvisit.field.send", "field-send", () -> {
                        enrolment.send(id);
                        return desk.student(visitId, id);
                    }));
            case SENT_FOR_ENROLMENT -> {
                HorizontalLayout row = new HorizontalLayout(
                        buttons.primary("schoolvisit.field.print-ready", "field-print-ready", () -> {
                            enrolment.printReady(id);
                            return desk.student(visitId, id);
                        }),
                        buttons.other("schoolvisit.field.answer-failed", "field-answer-failed", () -> {
                            enrolment.notPrintable(id, EnrolmentStatus.ENROLMENT_FAILED);
                            return desk.student(visitId, id);
                        }),
                        buttons.other("schoolvisit.field.answer-duplicate", "field-answer-duplicate", () -> {
                            enrolment.notPrintable(id, EnrolmentStatus.DUPLICATE_RECORD);
                            return desk.student(visitId, id);
                        }));
                row.setWrap(true);
                add(new Paragraph(getTranslation("schoolvisit.field.waiting-answer")), row);
            }
            case ENROLMENT_FAILED, DUPLICATE_RECORD -> add(new Paragraph(getTranslation(
                    "schoolvisit.field.not-printable", getTranslation(student.enrolmentStatus().labelKey()))),
                    buttons.primary("schoolvisit.field.end", "field-end", () -> {
                        enrolment.notPrintable(id, student.enrolmentStatus());
                        return desk.student(visitId, id);
                    }));
            case PRINT_READY -> add(student.seventeenOnDay()
                    ? buttons.primary("schoolvisit.field.print", "field-print", () -> desk.printOnSite(visitId, id))
                    : new Paragraph(getTranslation("schoolvisit.field.queued-for-birthday",
                            DATE.format(student.student().seventeenth()))));
            // No move of the register leads back here; were it to, the screen says so in words.
            case NOT_RECORDED -> add(new Paragraph(getTranslation("schoolvisit.field.not-printable",
                    getTranslation(student.enrolmentStatus().labelKey()))));
        }
    }
}
