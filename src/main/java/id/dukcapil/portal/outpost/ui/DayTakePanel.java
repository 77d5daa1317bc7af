package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.outpost.DayTransfers;
import id.dukcapil.portal.outpost.OutpostProperties;
import id.dukcapil.portal.outpost.OutpostTransfers;
import id.dukcapil.portal.outpost.ui.OutpostForms.DinasSignIn;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.ui.Notifications;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Taking the point's day from the Dinas, while still connected (best at opening, before the first resident): the
 * Dinas's address, a desk operator's own Dinas credentials (sent, never kept), one button.
 */
class DayTakePanel extends VerticalLayout {

    final TextField dinas = new TextField();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final Button take = new Button();
    private final Binder<DinasSignIn> binder = new Binder<>(DinasSignIn.class);
    private final OutpostProperties settings;
    private final Supplier<String> operator;

    DayTakePanel(DayTransfers transfers, OutpostProperties settings, Supplier<String> operator, Runnable taken) {
        this.settings = settings;
        this.operator = operator;
        setPadding(false);
        dinas.setLabel(getTranslation("outpost.take.dinas"));
        dinas.setId("day-dinas");
        dinas.setMaxLength(200);
        dinas.setReadOnly(settings.dinasUrl() != null && !settings.dinasUrl().toString().isBlank());
        username.setLabel(getTranslation("outpost.take.username"));
        username.setId("day-username");
        username.setMaxLength(40);
        password.setLabel(getTranslation("outpost.take.password"));
        password.setId("day-password");
        password.setMaxLength(200);
        binder.forField(dinas).withValidator(BeanRule.of(DinasSignIn.class, "dinas")).bind("dinas");
        binder.forField(username).withValidator(BeanRule.of(DinasSignIn.class, "username")).bind("username");
        binder.forField(password).withValidator(BeanRule.of(DinasSignIn.class, "password")).bind("password");
        take.setText(getTranslation("outpost.day.take"));
        take.setIcon(VaadinIcon.DOWNLOAD.create());
        take.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        take.setId("day-take");
        take.setDisableOnClick(true); // a package of a kecamatan takes seconds on a slow link: one take, not two
        take.addClickListener(click -> {
            try {
                BoundForms.record(binder).ifPresent(signIn -> {
                    try {
                        var day = transfers.take(OutpostTransfers.dinasAddress(signIn.dinas()), signIn.username(),
                                signIn.password().toCharArray(), getLocale());
                        password.clear(); // sent, not kept: not in the page either
                        Notifications.success(getTranslation("outpost.day.taken", day.pointName(),
                                day.residents()));
                        taken.run();
                    } catch (RuleViolation refused) {
                        Notifications.error(refused);
                    }
                });
            } finally {
                take.setEnabled(true);
            }
        });
        EnterSubmits.on(take, dinas, username, password);
        FormLayout form = new FormLayout(dinas, username, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(new H3(getTranslation("outpost.day.take-title")), new Paragraph(getTranslation("outpost.day.take-text")),
                form, take);
        reset();
    }

    /** Empty again, the Dinas's address and the signed-in operator's name filled in. */
    void reset() {
        URI configured = settings.dinasUrl();
        binder.readRecord(new DinasSignIn(configured == null ? "" : configured.toString(), operator.get(), ""));
    }
}
