package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.booking.CitizenChannels;
import id.dukcapil.portal.booking.CitizenPhones;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.booking.ui.PhoneProofForms.CodeTyped;
import id.dukcapil.portal.booking.ui.PhoneProofForms.PhoneTyped;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.shared.PhoneNumber;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.NumericKeypad;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;
import java.util.Optional;

/**
 * The BDS home (SOP A steps 1 and 5): sign in or register; once signed in, the KTP-el print booking, Riwayat and
 * the channel for the portal's messages (decision 140), with the phone they go to proved by a code sent to it by SMS
 * (decision 182): WhatsApp or SMS chosen before that is refused, and the proof is offered beside it.
 */
@Route(value = "bds", autoLayout = false)
@AnonymousAllowed
class BdsHomeView extends BdsPage implements BeforeEnterObserver {

    final Button signIn = new Button();
    final Button register = new Button();
    final Button book = new Button();
    final Button history = new Button();
    final Button signOut = new Button();
    final RadioButtonGroup<Channel> channel = new RadioButtonGroup<>();
    final Div phonePanel = new Div();
    final Paragraph phoneStatus = new Paragraph();
    /**
     * What the proof just did or refused, in the panel itself: on a phone a toast at the bottom would cover the code's
     * field and the button below it.
     */
    final Paragraph phoneNote = new Paragraph();
    final TextField phone = new TextField();
    final Button sendCode = new Button();
    final TextField code = new TextField();
    final Button prove = new Button();
    private final CitizenChannels channels;
    private final CitizenPhones phones;
    private final Binder<PhoneTyped> phoneForm = new Binder<>(PhoneTyped.class);
    private final Binder<CodeTyped> codeForm = new Binder<>(CodeTyped.class);

    BdsHomeView(Clock clock, CitizenChannels channels, CitizenPhones phones) {
        super(clock);
        this.channels = channels;
        this.phones = phones;
        channel.setId("bds-channel");
        channel.addClassName("bds-channel"); // its choices a thumb's height (styles.css)
        channel.setLabel(getTranslation("bds.channel.label"));
        channel.setHelperText(getTranslation("bds.channel.helper"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(choice -> getTranslation("bds.channel." + choice.name()));
        channel.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                citizen().ifPresent(citizen -> {
                    try {
                        channels.choose(citizen, change.getValue());
                        Notifications.success(getTranslation("bds.channel.saved",
                                getTranslation("bds.channel." + change.getValue().name())));
                    } catch (RuleViolation refused) {
                        // WhatsApp or SMS before the phone is proved: the choice stays, the proof is beside it.
                        channel.setValue(channels.chosen(citizen));
                        note(Notifications.text(refused), true);
                        phone.focus();
                    }
                });
            }
        });
        phonePanel.setId("bds-phone-proof");
        phoneNote.setId("bds-phone-note");
        phoneNote.getElement().setAttribute("role", "status"); // read out when it changes
        phone.setId("bds-phone-number");
        phone.setLabel(getTranslation("bds.phone.number"));
        phone.setMaxLength(PhoneNumber.MAX_LENGTH);
        phone.setWidthFull();
        sendCode.setId("bds-phone-send");
        sendCode.setText(getTranslation("bds.phone.send"));
        sendCode.setWidthFull();
        sendCode.addClickListener(click -> citizen().ifPresent(this::sendCode));
        code.setId("bds-phone-code");
        code.setLabel(getTranslation("bds.phone.code"));
        code.setMaxLength(6);
        code.setAllowedCharPattern("[0-9]");
        NumericKeypad.oneTimeCode(code, 6);
        code.setWidthFull();
        prove.setId("bds-phone-prove");
        prove.setText(getTranslation("bds.phone.prove"));
        prove.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        prove.setWidthFull();
        prove.addClickListener(click -> citizen().ifPresent(this::prove));
        phone.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("booking.account.phone")));
        phoneForm.forField(phone).withValidator(BeanRule.of(PhoneTyped.class, "phone")).bind("phone");
        // The field's own check (its pattern of six digits) says it in the binder's words.
        code.setI18n(new TextField.TextFieldI18n()
                .setPatternErrorMessage(getTranslation("booking.refused.PHONE_CODE_MALFORMED"))
                .setMaxLengthErrorMessage(getTranslation("booking.refused.PHONE_CODE_MALFORMED")));
        codeForm.forField(code).withValidator(BeanRule.of(CodeTyped.class, "code")).bind("code");
        codeForm.readRecord(CodeTyped.empty());
        signIn.setId("bds-open-sign-in");
        register.setId("bds-open-register");
        signIn.setText(getTranslation("bds.sign-in"));
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickListener(click -> navigate(BdsSignInView.class));
        register.setText(getTranslation("bds.register"));
        register.addClickListener(click -> navigate(BdsRegisterView.class));
        book.setText(getTranslation("bds.book"));
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.setId("bds-book");
        book.addClickListener(click -> navigate(BdsBookingView.class));
        history.setText(getTranslation("bds.history"));
        history.setId("bds-history");
        history.addClickListener(click -> navigate(BdsHistoryView.class));
        signOut.setId("bds-sign-out");
        signOut.setText(getTranslation("bds.sign-out"));
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClickListener(click -> {
            signOut();
            navigate(BdsHomeView.class);
        });
        for (Button button : new Button[] {signIn, register, book, history, signOut}) {
            button.setWidthFull();
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        citizen().ifPresentOrElse(citizen -> {
            step(SopStep.A5_HOME);
            channel.setValue(channels.chosen(citizen));
            phoneNote.setText("");
            showPhone(citizen);
            show(new H2(getTranslation("bds.welcome", citizen.fullName())), new Paragraph(getTranslation("bds.services")),
                    book, history, channel, phonePanel, signOut);
        }, () -> {
            step(SopStep.A1_OPEN_BDS);
            show(new H2(getTranslation("bds.title")), new Paragraph(getTranslation("bds.intro")), signIn, register);
        });
    }

    /** The account's phone, proved or not; the code's field once a code awaits. */
    private void showPhone(CitizenSession citizen) {
        CitizenPhones.PhoneStatus status = phones.status(citizen);
        phoneStatus.setText(getTranslation(status.proved() ? "bds.phone.proved" : "bds.phone.unproved", status.phone()));
        if (phone.isEmpty()) {
            phone.setValue(status.pending() != null ? status.pending() : status.phone());
        }
        phonePanel.removeAll();
        phonePanel.add(new H3(getTranslation("bds.phone.title")), phoneStatus, phoneNote, phone, sendCode);
        if (status.pending() != null) {
            phonePanel.add(code, prove);
        }
    }

    private void note(String text, boolean refusal) {
        phoneNote.setText(text);
        phoneNote.getStyle().set("color", refusal ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
    }

    private void sendCode(CitizenSession citizen) {
        Optional<PhoneTyped> typed = BoundForms.record(phoneForm);
        if (typed.isEmpty()) {
            return; // the number's field says what is wrong with it; no code was sent
        }
        try {
            CitizenPhones.CodeSent sent = phones.sendCode(citizen, typed.get().phone(), clientAddress());
            phone.setValue(sent.phone());
            showPhone(citizen);
            note(getTranslation("bds.phone.sent", sent.phone(), CitizenPhones.CODE_VALIDITY.toMinutes()), false);
            codeForm.readRecord(CodeTyped.empty());
            code.focus();
        } catch (RuleViolation refused) {
            note(Notifications.text(refused), true);
        }
    }

    private void prove(CitizenSession citizen) {
        Optional<CodeTyped> typed = BoundForms.record(codeForm);
        if (typed.isEmpty()) {
            return; // the code's field says it is six digits; no try was spent
        }
        try {
            CitizenPhones.PhoneStatus proved = phones.prove(citizen, typed.get().code(), clientAddress());
            codeForm.readRecord(CodeTyped.empty());
            showPhone(citizen);
            note(getTranslation("bds.phone.done", proved.phone()), false);
        } catch (RuleViolation refused) {
            note(Notifications.text(refused), true);
            code.focus();
        }
    }

    private void navigate(Class<? extends com.vaadin.flow.component.Component> view) {
        getUI().ifPresent(ui -> ui.navigate(view));
    }
}
