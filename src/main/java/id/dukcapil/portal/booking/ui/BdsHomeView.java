package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.booking.CitizenChannels;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;

/**
 * The BDS home (SOP A steps 1 and 5): sign in or register; once signed in, the KTP-el print booking, Riwayat and
 * the channel for the portal's messages (decision 140).
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
    private final CitizenChannels channels;

    BdsHomeView(Clock clock, CitizenChannels channels) {
        super(clock);
        this.channels = channels;
        channel.setId("bds-channel");
        channel.addClassName("bds-channel"); // its choices a thumb's height (styles.css)
        channel.setLabel(getTranslation("bds.channel.label"));
        channel.setHelperText(getTranslation("bds.channel.helper"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(choice -> getTranslation("bds.channel." + choice.name()));
        channel.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                citizen().ifPresent(citizen -> {
                    channels.choose(citizen, change.getValue());
                    Notifications.success(getTranslation("bds.channel.saved",
                            getTranslation("bds.channel." + change.getValue().name())));
                });
            }
        });
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
            show(new H2(getTranslation("bds.welcome", citizen.fullName())), new Paragraph(getTranslation("bds.services")),
                    book, history, channel, signOut);
        }, () -> {
            step(SopStep.A1_OPEN_BDS);
            show(new H2(getTranslation("bds.title")), new Paragraph(getTranslation("bds.intro")), signIn, register);
        });
    }

    private void navigate(Class<? extends com.vaadin.flow.component.Component> view) {
        getUI().ifPresent(ui -> ui.navigate(view));
    }
}
