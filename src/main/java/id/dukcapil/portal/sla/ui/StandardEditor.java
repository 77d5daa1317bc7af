package id.dukcapil.portal.sla.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import id.dukcapil.portal.sla.SlaStandards;
import id.dukcapil.portal.sla.StandardChange;
import id.dukcapil.portal.sla.StepStandard;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * ADMIN changes a standard time from a day on; steps that started before keep theirs. Choosing a day that already
 * has a standard the admin was shown (today's, or a scheduled change) replaces it; one another admin set or changed
 * since is refused in words, the form kept.
 */
class StandardEditor extends Dialog {

    final IntegerField minutes = new IntegerField();
    final DatePicker validFrom = VaadinTexts.localized(new DatePicker());
    final Button save = new Button();
    private final Binder<StandardChange> binder = new Binder<>(StandardChange.class);

    /** @param shown the standards of this step the admin was shown: the one in force and those scheduled */
    StandardEditor(SlaStandards standards, StepStandard current, List<StepStandard> shown, Clock clock,
                   Runnable onSaved) {
        setHeaderTitle(getTranslation(current.procedure().labelKey()) + " · "
                + (current.step() == null ? getTranslation("sla.step.TOTAL") : getTranslation(current.step().labelKey())));
        minutes.setLabel(getTranslation("sla.standard.minutes"));
        minutes.setMin(StandardChange.MIN_MINUTES);
        minutes.setMax(StandardChange.MAX_MINUTES);
        minutes.setStepButtonsVisible(true);
        validFrom.setLabel(getTranslation("sla.standard.valid-from"));
        validFrom.setMin(LocalDate.now(clock));

        String outOfRange = getTranslation("sla.standard.minutes.out-of-range", StandardChange.MIN_MINUTES,
                StandardChange.MAX_MINUTES);
        binder.forField(minutes).asRequired(getTranslation("validation.required"))
                .withValidator(value -> value >= StandardChange.MIN_MINUTES && value <= StandardChange.MAX_MINUTES,
                        outOfRange)
                .bind("minutes");
        binder.forField(validFrom).asRequired(getTranslation("validation.required"))
                .withValidator(day -> !day.isBefore(LocalDate.now(clock)),
                        getTranslation("sla.standard.valid-from.in-the-past"))
                .bind("validFrom");
        binder.readBean(new StandardChange((int) current.standard().toMinutes(), LocalDate.now(clock).plusDays(1)));

        save.setText(getTranslation("sla.standard.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            try {
                StandardChange change = binder.writeRecord();
                Long seenVersion = shown.stream().filter(standard -> standard.validFrom().equals(change.validFrom()))
                        .map(StepStandard::version).findFirst().orElse(null);
                standards.change(current.procedure(), current.step(), change, seenVersion);
                Notifications.success(getTranslation("sla.standard.saved",
                        DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT).format(change.validFrom())));
                onSaved.run();
                close();
            } catch (ValidationException invalid) {
                // The fields say what is wrong.
            } catch (RuleViolation violation) {
                Notifications.error(violation);
            }
        });
        add(new Paragraph(getTranslation("sla.standard.explanation")), minutes, validFrom);
        getFooter().add(new Button(getTranslation("sla.cancel"), click -> close()), save);
    }
}
