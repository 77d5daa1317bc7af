package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.schoolvisit.FieldDesk;
import id.dukcapil.portal.schoolvisit.FieldStudent;
import id.dukcapil.portal.shared.ui.BeanRule;
import java.util.function.Consumer;

/**
 * Step 6's two outcomes on the field screen: recorded, or a technical failure with its reason (the student stays to
 * be recorded). Apart from {@link FieldView}, which shows the student's steps one after another.
 */
class RecordingStep extends Div {

    final TextField reason = new TextField();

    /** @param failed what the screen does with the student whose failure was saved */
    RecordingStep(FieldDesk desk, long visitId, long id, StepButtons buttons, Consumer<FieldStudent> failed) {
        add(buttons.primary("schoolvisit.field.recorded", "field-recorded", () -> desk.recorded(visitId, id)));
        reason.setLabel(getTranslation("schoolvisit.field.failure-reason"));
        reason.setMaxLength(FieldDesk.RECORDING_FAILURE_MAX_LENGTH);
        reason.setWidthFull();
        reason.setId("field-failure-reason");
        String wrong = getTranslation("schoolvisit.error.failure-reason", FieldDesk.RECORDING_FAILURE_MAX_LENGTH);
        reason.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(wrong));
        Binder<FieldForms.RecordingFailure> failure = new Binder<>(FieldForms.RecordingFailure.class);
        failure.forField(reason).withValidator(BeanRule.<String>of(FieldForms.RecordingFailure.class, "reason")
                .withArgs(FieldDesk.RECORDING_FAILURE_MAX_LENGTH)).bind("reason");
        failure.readBean(new FieldForms.RecordingFailure(""));
        Button failedButton = buttons.button("schoolvisit.field.recording-failed", "field-recording-failed", () -> {
            if (failure.validate().hasErrors()) {
                return; // said at the field; the student stays to be recorded
            }
            failed.accept(desk.recordingFailed(visitId, id, reason.getValue()));
        });
        failedButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        add(reason, failedButton);
    }
}
