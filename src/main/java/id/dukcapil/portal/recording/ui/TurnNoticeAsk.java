package id.dukcapil.portal.recording.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.OfficeChannels;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.PhoneNumber;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The desk asks whether the resident wants to be told when their turn nears, and where: an e-mail address, or a
 * mobile number for WhatsApp or SMS; nothing to do if not. Bound to {@link TurnNoticeForm}: a wrong address or number
 * is told at its field before anything is asked, what was typed kept; once asked, the form says so and cannot ask
 * twice.
 */
class TurnNoticeAsk extends Details {

    final RadioButtonGroup<Channel> channel = new RadioButtonGroup<>();
    final TextField email = new TextField();
    final TextField phone = new TextField();
    final Select<Locale> language = new Select<>();
    final Button ask = new Button();
    private final Binder<TurnNoticeForm> binder = new Binder<>(TurnNoticeForm.class);

    TurnNoticeAsk(RegistrationDesk desk, OfficeChannels officeChannels, Visit queued) {
        setSummaryText(getTranslation("recording.registration.turn-notice", RegistrationDesk.TURN_NOTICE_AHEAD));
        channel.setLabel(getTranslation("recording.registration.turn-channel"));
        channel.setId("recording-turn-channel");
        channel.setItems(officeChannels.offered()); // only what can reach the resident here
        channel.setItemLabelGenerator(value -> getTranslation("recording.registration.turn-by." + value.name()));
        email.setLabel(getTranslation("recording.registration.turn-email"));
        email.setId("recording-turn-email");
        email.setMaxLength(Email.MAX_LENGTH);
        email.setWidth("22em"); // a citizen's address whole, as long ones are (nama.panjang@kantor-desa.go.id)
        email.setMaxWidth("100%");
        phone.setLabel(getTranslation("recording.registration.turn-phone"));
        phone.setId("recording-turn-phone");
        phone.setMaxLength(PhoneNumber.MAX_LENGTH);
        phone.setVisible(false);
        channel.addValueChangeListener(chosen -> {
            email.setVisible(chosen.getValue() == Channel.EMAIL);
            phone.setVisible(chosen.getValue() != Channel.EMAIL);
        });
        language.setLabel(getTranslation("recording.registration.turn-language"));
        language.setItems(Locale.of("id"), Locale.ENGLISH);
        language.setItemLabelGenerator(locale -> getTranslation("recording.language." + locale.getLanguage()));
        FitText.toItems(language);

        binder.forField(channel).withValidator(BeanRule.of(TurnNoticeForm.class, "channel")).bind("channel");
        // Only the field the channel uses must hold a valid address or number; the other is not sent.
        binder.forField(email).withValidator(BeanRule.of(TurnNoticeForm.class, "email"))
                .withValidator(typed -> channel.getValue() != Channel.EMAIL || Email.isValid(typed),
                        getTranslation(Email.INVALID))
                .bind("email");
        binder.forField(phone).withValidator(BeanRule.of(TurnNoticeForm.class, "phone"))
                .withValidator(typed -> channel.getValue() == Channel.EMAIL
                        || PhoneNumber.normalized(typed).isPresent(), getTranslation(PhoneNumber.INVALID))
                .bind("phone");
        binder.forField(language).withValidator(BeanRule.of(TurnNoticeForm.class, "language")).bind("language");
        binder.readBean(new TurnNoticeForm(Channel.EMAIL, "", "", Locale.of("id")));

        ask.setText(getTranslation("recording.registration.turn-ask"));
        ask.setId("recording-turn-ask");
        FieldRefusals refusals = FieldRefusals.of(Map.of(Email.INVALID, email, PhoneNumber.INVALID, phone));
        ask.addClickListener(click -> {
            TurnNoticeForm typed;
            try {
                typed = binder.writeRecord();
            } catch (ValidationException invalid) {
                return; // each field says what is wrong with it; nothing was asked
            }
            try {
                desk.askTurnNotice(queued.id(), typed.channel(), typed.contact(), typed.language());
            } catch (RuleViolation refused) {
                refusals.show(refused);
                return;
            }
            for (HasValue<?, ?> field : List.of(channel, email, phone, language)) {
                field.setReadOnly(true);
            }
            ask.setEnabled(false);
            Notifications.success(getTranslation("recording.registration.turn-asked-by." + typed.channel().name(),
                    queued.ticket(), RegistrationDesk.TURN_NOTICE_AHEAD));
        });
        HorizontalLayout form = new HorizontalLayout(channel, email, phone, language, ask);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(form);
    }
}
