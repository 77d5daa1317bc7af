package id.dukcapil.portal.kkprint.demo;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.kkprint.IntakeForm;
import id.dukcapil.portal.kkprint.KkPrintIntake;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.SubmittedRequest;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.shared.PhoneNumber;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.web.ClientAddress;
import id.dukcapil.portal.shared.ui.Notifications;

/** Demo profile only: submits a request as the IKD app would, through the same intake as the API. */
public class DemoIntakeDialog extends Dialog {

    final TextField nik = new TextField();
    final TextField kkNumber = new TextField();
    final ComboBox<KkPrintReason> reason = new ComboBox<>();
    final TextArea description = new TextArea();
    final TextField email = new TextField();
    final TextField phone = new TextField();
    final RadioButtonGroup<Channel> channel = new RadioButtonGroup<>();
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
        phone.setLabel(getTranslation("kkprint.field.phone"));
        phone.setMaxLength(PhoneNumber.MAX_LENGTH);
        channel.setLabel(getTranslation("kkprint.field.channel"));
        channel.setHelperText(getTranslation("kkprint.field.channel-helper"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(value -> getTranslation("kkprint.channel." + value.name()));
        channel.setValue(Channel.EMAIL);
        submit.setText(getTranslation("kkprint.demo.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> {
            try {
                SubmittedRequest submitted = intake.submit(new IntakeForm(nik.getValue(), kkNumber.getValue(),
                        reason.getValue() == null ? "" : reason.getValue().name(), description.getValue(),
                        email.getValue(), phone.getValue(),
                        channel.getValue() == null ? null : channel.getValue().name()),
                        ClientAddress.current().orElse("unknown"));
                Notifications.success(getTranslation("kkprint.demo.submitted", submitted.trackingNumber()));
                close();
                onSubmitted.run();
            } catch (RuleViolation refused) {
                Notifications.error(refused); // the dialog stays open with what was typed
            }
        });
        add(new FormLayout(nik, kkNumber, reason, email, phone, channel, description));
        getFooter().add(new Button(getTranslation("kkprint.cancel"), click -> close()), submit);
    }
}
