package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.outpost.ui.OutpostForms.CardSerial;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.function.Consumer;

/** A blank card's serial for a card printed or spoiled: typed as written on the card, Enter saves. */
class CardDialog extends Dialog {

    final TextField serial = new TextField();
    final Button save = new Button();
    final Button cancel = new Button();
    private final Binder<CardSerial> binder = new Binder<>(CardSerial.class);

    /** @param done with the serial; throws a {@link RuleViolation} if refused, and the dialog stays open */
    CardDialog(String title, String text, Consumer<String> done) {
        setHeaderTitle(title);
        setWidth("min(30rem, 100vw)");
        serial.setLabel(getTranslation("outpost.card.serial"));
        serial.setId("outpost-card-serial");
        serial.setMaxLength(40);
        serial.setWidthFull();
        serial.setAutofocus(true);
        binder.forField(serial).withValidator(BeanRule.of(CardSerial.class, "serial")).bind("serial");
        binder.readRecord(new CardSerial(""));
        save.setText(getTranslation("outpost.card.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("outpost-card-save");
        save.addClickListener(click -> BoundForms.record(binder).ifPresent(card -> {
            try {
                done.accept(card.serial().strip());
                close();
            } catch (RuleViolation refused) {
                Notifications.error(refused);
            }
        }));
        EnterSubmits.on(save, serial);
        cancel.setText(getTranslation("outpost.card.cancel"));
        cancel.addClickListener(click -> close());
        add(new Paragraph(text), serial);
        getFooter().add(cancel, save);
    }
}
