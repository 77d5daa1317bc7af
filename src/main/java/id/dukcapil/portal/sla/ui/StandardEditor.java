package id.dukcapil.portal.sla.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.sla.SlaStandards;
import id.dukcapil.portal.sla.StepStandard;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/** ADMIN changes a standard time from a day on; steps that started before keep theirs. */
class StandardEditor extends Dialog {

    final IntegerField minutes = new IntegerField();
    final DatePicker validFrom = VaadinTexts.localized(new DatePicker());
    final Button save = new Button();

    StandardEditor(SlaStandards standards, StepStandard current, Clock clock, Runnable onSaved) {
        setHeaderTitle(getTranslation(current.procedure().labelKey()) + " · "
                + (current.step() == null ? getTranslation("sla.step.TOTAL") : getTranslation(current.step().labelKey())));
        minutes.setLabel(getTranslation("sla.standard.minutes"));
        minutes.setMin((int) SlaStandards.MIN_STANDARD.toMinutes());
        minutes.setMax((int) SlaStandards.MAX_STANDARD.toMinutes());
        minutes.setValue((int) current.standard().toMinutes());
        minutes.setStepButtonsVisible(true);
        validFrom.setLabel(getTranslation("sla.standard.valid-from"));
        validFrom.setMin(LocalDate.now(clock));
        validFrom.setValue(LocalDate.now(clock).plusDays(1));
        save.setText(getTranslation("sla.standard.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            try {
                if (minutes.getValue() == null || validFrom.getValue() == null) {
                    throw new RuleViolation("sla.standard.out-of-range");
                }
                standards.change(current.procedure(), current.step(), Duration.ofMinutes(minutes.getValue()),
                        validFrom.getValue());
                Notifications.success(getTranslation("sla.standard.saved", validFrom.getValue()));
                onSaved.run();
                close();
            } catch (RuleViolation violation) {
                Notifications.error(violation);
            }
        });
        add(new Paragraph(getTranslation("sla.standard.explanation")), minutes, validFrom);
        getFooter().add(new Button(getTranslation("sla.cancel"), click -> close()), save);
    }
}
