package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.outpost.OfferedVisit;
import id.dukcapil.portal.outpost.OutpostDesk;
import id.dukcapil.portal.outpost.OutpostProperties;
import id.dukcapil.portal.outpost.OutpostTransfers;
import id.dukcapil.portal.outpost.ui.OutpostForms.DinasSignIn;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.ui.Notifications;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Taking a visit from the Dinas, while connected: the Dinas's address, the officer's own Dinas credentials (sent,
 * never kept), the team's visits today, and one to take.
 */
class TakePanel extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    final TextField dinas = new TextField();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final Button find = new Button();
    final Grid<OfferedVisit> offered = new Grid<>();
    private final Binder<DinasSignIn> binder = new Binder<>(DinasSignIn.class);
    private final OutpostDesk desk;
    private final OutpostTransfers transfers;
    private final OutpostProperties settings;
    private final Runnable taken;

    TakePanel(OutpostDesk desk, OutpostTransfers transfers, OutpostProperties settings, Runnable taken) {
        this.desk = desk;
        this.transfers = transfers;
        this.settings = settings;
        this.taken = taken;
        setPadding(false);
        H3 title = new H3(getTranslation("outpost.take.title"));
        Paragraph text = new Paragraph(getTranslation("outpost.take.text"));
        dinas.setLabel(getTranslation("outpost.take.dinas"));
        dinas.setId("outpost-dinas");
        dinas.setMaxLength(200);
        // The Dinas this outpost was set up for: not a field for a passer-by to point elsewhere.
        dinas.setReadOnly(settings.dinasUrl() != null && !settings.dinasUrl().toString().isBlank());
        username.setLabel(getTranslation("outpost.take.username"));
        username.setId("outpost-username");
        username.setMaxLength(40);
        password.setLabel(getTranslation("outpost.take.password"));
        password.setId("outpost-password");
        password.setMaxLength(200);
        binder.forField(dinas).withValidator(BeanRule.of(DinasSignIn.class, "dinas")).bind("dinas");
        binder.forField(username).withValidator(BeanRule.of(DinasSignIn.class, "username")).bind("username");
        binder.forField(password).withValidator(BeanRule.of(DinasSignIn.class, "password")).bind("password");
        find.setText(getTranslation("outpost.take.find"));
        find.setIcon(VaadinIcon.SEARCH.create());
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.setId("outpost-find");
        find.setDisableOnClick(true);
        find.addClickListener(click -> {
            try {
                find();
            } finally {
                find.setEnabled(true);
            }
        });
        EnterSubmits.on(find, dinas, username, password);

        offered.setId("outpost-offered");
        // One column of words and one of the button: the list fits a phone as well as a laptop.
        offered.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        offered.addColumn(visit -> getTranslation("outpost.take.visit", visit.schoolName(), DAY.format(visit.day()),
                visit.cardsLeft())).setHeader(getTranslation("outpost.take.school")).setFlexGrow(1);
        offered.addComponentColumn(this::takeButton).setAutoWidth(true);
        offered.setAllRowsVisible(true);
        offered.setVisible(false);

        FormLayout form = new FormLayout(dinas, username, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(title, text, form, find, offered);
        reset();
    }

    /** Empty again, the Dinas's address and the signed-in officer's name filled in. */
    void reset() {
        URI configured = settings.dinasUrl();
        String name = desk.officer();
        binder.readRecord(new DinasSignIn(configured == null ? "" : configured.toString(), name, ""));
        offered.setItems(List.of());
        offered.setVisible(false);
    }

    private void find() {
        Optional<DinasSignIn> signIn = BoundForms.record(binder);
        if (signIn.isEmpty()) {
            return;
        }
        try {
            List<OfferedVisit> visits = transfers.offered(OutpostTransfers.dinasAddress(signIn.get().dinas()),
                    signIn.get().username(), signIn.get().password().toCharArray(), getLocale());
            offered.setItems(visits);
            offered.setVisible(true);
            offered.scrollIntoView(); // on a phone the list lies below the form: brought into sight
            if (visits.isEmpty()) {
                Notifications.warning(getTranslation("outpost.take.none"));
            }
        } catch (RuleViolation refused) {
            Notifications.error(refused);
        }
    }

    private Button takeButton(OfferedVisit visit) {
        Button take = new Button(getTranslation(visit.takeable() ? "outpost.take.take" : "outpost.take.not-yet"));
        take.setId("outpost-take-" + visit.id());
        take.setEnabled(visit.takeable());
        take.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        take.setDisableOnClick(true); // the Dinas answers in seconds on a slow link: one take, not two
        take.addClickListener(click -> BoundForms.record(binder).ifPresentOrElse(signIn -> {
            try {
                transfers.take(OutpostTransfers.dinasAddress(signIn.dinas()), visit.id(), signIn.username(),
                        signIn.password().toCharArray(), getLocale());
                password.clear(); // sent, not kept: not in the page either
                Notifications.success(getTranslation("outpost.take.done", visit.schoolName()));
                taken.run();
            } catch (RuleViolation refused) {
                take.setEnabled(true);
                Notifications.error(refused);
            }
        }, () -> take.setEnabled(true)));
        return take;
    }
}
