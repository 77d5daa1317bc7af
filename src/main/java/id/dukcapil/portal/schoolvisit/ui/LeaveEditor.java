package id.dukcapil.portal.schoolvisit.ui;

import id.dukcapil.portal.shared.ui.BeanRule;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.dukcapil.portal.schoolvisit.LeaveForm;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * An officer's leave, bound to {@link LeaveForm} and its constraints: each field says what is wrong with it (a last
 * day before the first is said at the last day), a save is refused while one is, what was typed stays.
 */
class LeaveEditor extends Dialog {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);

    final ComboBox<String> officer = new ComboBox<>();
    final DatePicker first;
    final DatePicker last;
    final TextField reason = new TextField();
    final Button save = new Button();
    private final Binder<LeaveForm> binder = new Binder<>(LeaveForm.class);

    LeaveEditor(VisitPlanner planner) {
        setHeaderTitle(getTranslation("schoolvisit.calendar.leave"));
        setWidth("min(36rem, 100vw)");
        Map<String, String> officers = planner.officers();
        officer.setLabel(getTranslation("schoolvisit.calendar.officer"));
        officer.setItems(officers.keySet());
        officer.setItemLabelGenerator(username -> officers.getOrDefault(username, username));
        officer.setId("leave-officer");
        first = VaadinTexts.localized(new DatePicker(getTranslation("schoolvisit.calendar.leave-first")));
        first.setId("leave-first");
        last = VaadinTexts.localized(new DatePicker(getTranslation("schoolvisit.calendar.leave-last")));
        last.setId("leave-last");
        reason.setLabel(getTranslation("schoolvisit.calendar.leave-reason"));
        reason.setMaxLength(LeaveForm.REASON_MAX_LENGTH);
        reason.setId("leave-reason");

        binder.forField(officer).withValidator(BeanRule.of(LeaveForm.class, "username")).bind("username");
        binder.forField(first).withValidator(BeanRule.of(LeaveForm.class, "first"))
                .bind("first");
        binder.forField(last).withValidator(BeanRule.of(LeaveForm.class, "last"))
                .withValidator(day -> day == null || first.getValue() == null || !day.isBefore(first.getValue()),
                        getTranslation("schoolvisit.error.leave"))
                .bind("last");
        binder.forField(reason).withValidator(BeanRule.of(LeaveForm.class, "reason"))
                .bind("reason");
        binder.readBean(LeaveForm.empty());

        save.setText(getTranslation("schoolvisit.action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("leave-save");
        save.addClickListener(click -> {
            try {
                LeaveForm typed = binder.writeRecord();
                planner.leave(Objects.requireNonNull(typed.username()), Objects.requireNonNull(typed.first()),
                        Objects.requireNonNull(typed.last()), typed.reason());
                close();
                Notifications.success(getTranslation("schoolvisit.calendar.leave-saved",
                        officers.getOrDefault(typed.username(), typed.username()), DATE.format(typed.first()),
                        DATE.format(typed.last())));
            } catch (ValidationException invalid) {
                // Each field says what is wrong with it; nothing was sent.
            } catch (RuleViolation violation) {
                reason.setErrorMessage(Notifications.text(violation));
                reason.setInvalid(true);
            }
        });
        add(new FormLayout(officer, first, last, reason));
        getFooter().add(new Button(getTranslation("schoolvisit.action.cancel"), click -> close()), save);
    }
}
