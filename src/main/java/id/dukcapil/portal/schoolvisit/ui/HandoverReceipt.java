package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.dukcapil.portal.schoolvisit.Handover;
import id.dukcapil.portal.schoolvisit.Handovers;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SOP D step 8: the school's receiver signed the record, the operator writes their name. Bound to
 * {@link ReceiverForm}: no name, or one longer than the record keeps, is said at the field and nothing is recorded; a
 * receipt another operator recorded meanwhile is said in words, the name as typed.
 */
class HandoverReceipt extends HorizontalLayout {

    final TextField receiver = new TextField();
    final Button received = new Button();
    private final Binder<ReceiverForm> binder = new Binder<>(ReceiverForm.class);

    HandoverReceipt(Handovers handovers, Handover handover, Consumer<Handover> onReceived) {
        receiver.setLabel(getTranslation("schoolvisit.handover.receiver"));
        receiver.setMaxLength(Handover.RECEIVER_MAX_LENGTH);
        receiver.setId("handover-receiver");
        String wrong = getTranslation("schoolvisit.error.receiver", Handover.RECEIVER_MAX_LENGTH);
        // The field's own length check runs before the binder's: it says the same words.
        receiver.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(wrong).setRequiredErrorMessage(wrong));
        binder.forField(receiver).withValidator(BeanRule.<String>of(ReceiverForm.class, "receiver")
                .withArgs(Handover.RECEIVER_MAX_LENGTH)).bind("receiver");
        binder.readBean(new ReceiverForm(""));
        FieldRefusals refusals = FieldRefusals.of(Map.of("schoolvisit.error.receiver", receiver));
        received.setText(getTranslation("schoolvisit.handover.received"));
        received.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        received.setId("handover-received");
        received.addClickListener(click -> {
            ReceiverForm typed;
            try {
                typed = binder.writeRecord();
            } catch (ValidationException invalid) {
                return; // said at the field; nothing recorded
            }
            try {
                onReceived.accept(handovers.received(handover.id(), typed.receiver()));
            } catch (RuleViolation refused) {
                refusals.show(refused);
            }
        });
        add(receiver, received);
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
    }
}
