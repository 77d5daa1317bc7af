package id.dukcapil.portal.kkprint.demo;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.kkprint.IntakeForm;
import id.dukcapil.portal.kkprint.KkPrintIntake;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.SubmittedRequest;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;

/** Demo profile only: submits a request as the IKD app would, through the same intake as the API. */
public class DemoIntakeDialog extends Dialog {

    final TextField nik = new TextField();
    final TextField kkNumber = new TextField();
    final ComboBox<KkPrintReason> reason = new ComboBox<>();
    final TextArea description = new TextArea();
    final TextField email = new TextField();
    final Button submit = new Button();

    public DemoIntakeDialog(KkPrintIntake intake, Runnable onSubmitted) {
        setHeaderTitle(getTranslation("kkprint.demo.title"));
        nik.setLabel(getTranslation("kkprint.field.requester-nik"));
        kkNumber.setLabel(getTranslation("kkprint.field.kk-number"));
        reason.setLabel(getTranslation("kkprint.field.reason"));
        reason.setItems(KkPrintReason.values());
        reason.setItemLabelGenerator(value -> getTranslation(value.labelKey()));
        description.setLabel(getTranslation("kkprint.field.description"));
        description.setMaxLength(IntakeForm.DESCRIPTION_MAX_LENGTH);
        email.setLabel(getTranslation("kkprint.field.email"));
        submit.setText(getTranslation("kkprint.demo.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> {
            try {
                SubmittedRequest submitted = intake.submit(new IntakeForm(nik.getValue(), kkNumber.getValue(),
                        reason.getValue() == null ? "" : reason.getValue().name(), description.getValue(),
                        email.getValue()));
                Notifications.success(getTranslation("kkprint.demo.submitted", submitted.trackingNumber()));
                close();
                onSubmitted.run();
            } catch (RuleViolation refused) {
                Notifications.error(refused);
            }
        });
        add(new FormLayout(nik, kkNumber, reason, email, description));
        getFooter().add(new Button(getTranslation("kkprint.cancel"), click -> close()), submit);
    }
}
