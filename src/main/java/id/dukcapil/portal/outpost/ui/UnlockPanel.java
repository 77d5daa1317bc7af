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
import id.dukcapil.portal.outpost.OutpostLock;
import id.dukcapil.portal.outpost.ui.OutpostForms.Unlock;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.function.Supplier;

/**
 * The visit's data is sealed and its key not in memory (the laptop restarted, or someone locked it): an officer who
 * has a slot opens it with their Dinas password. Nothing of the roster shows until then.
 */
class UnlockPanel extends VerticalLayout {

    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final Button open = new Button();
    private final Binder<Unlock> binder = new Binder<>(Unlock.class);
    private final Supplier<String> officer;

    /** @param officer the signed-in officer's username, offered as the name */
    UnlockPanel(Supplier<String> officer, OutpostLock vault, Runnable opened) {
        this.officer = officer;
        setPadding(false);
        username.setLabel(getTranslation("outpost.take.username"));
        username.setId("outpost-unlock-username");
        username.setMaxLength(40);
        password.setLabel(getTranslation("outpost.take.password"));
        password.setId("outpost-unlock-password");
        password.setMaxLength(200);
        binder.forField(username).withValidator(BeanRule.of(Unlock.class, "username")).bind("username");
        binder.forField(password).withValidator(BeanRule.of(Unlock.class, "password")).bind("password");
        open.setText(getTranslation("outpost.unlock.open"));
        open.setIcon(VaadinIcon.UNLOCK.create());
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setId("outpost-unlock");
        open.addClickListener(click -> BoundForms.record(binder).ifPresent(form -> {
            try {
                vault.unlock(form.username(), form.password().toCharArray());
                password.clear();
                Notifications.success(getTranslation("outpost.unlock.done"));
                opened.run();
            } catch (RuleViolation refused) {
                Notifications.at(password, refused);
            }
        }));
        EnterSubmits.on(open, username, password);
        FormLayout form = new FormLayout(username, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(new H3(getTranslation("outpost.unlock.title")), new Paragraph(getTranslation("outpost.unlock.text")),
                form, open);
    }

    /** Ready for the next officer: the signed-in one's name, no password. */
    void reset() {
        binder.readRecord(new Unlock(officer.get(), ""));
    }
}
