package id.dukcapil.portal.ikd.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.dukcapil.portal.ikd.ArchiveItem;
import id.dukcapil.portal.ikd.Registration;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The officer's archive checklist (SOP E step 6), bound to an {@link ArchiveForm}: the archive button works once
 * every item is ticked, a missing one is said at the list. A refusal (the registration changed meanwhile: archived
 * at another desk, expired) is said at the list too, and the dialog stays with what was ticked.
 */
class ArchiveDialog extends Dialog {

    final CheckboxGroup<ArchiveItem> items = new CheckboxGroup<>();
    final Button archive;
    private final Binder<ArchiveForm> binder = new Binder<>(ArchiveForm.class);

    ArchiveDialog(Registration registration, Consumer<Set<ArchiveItem>> onArchive) {
        setHeaderTitle(getTranslation("ikd.archive.title", registration.fullName()));
        items.setItems(ArchiveItem.values());
        items.setItemLabelGenerator(item -> getTranslation(item.labelKey()));
        items.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        items.setId("ikd-archive-items");
        add(new Paragraph(getTranslation("ikd.archive.help")), items);
        binder.forField(items).withValidator(BeanRule.of(ArchiveForm.class, "items")).bind("items");
        binder.readBean(new ArchiveForm(EnumSet.noneOf(ArchiveItem.class)));
        archive = new Button(getTranslation("ikd.action.archive"), click -> {
            try {
                ArchiveForm form = binder.writeRecord();
                onArchive.accept(EnumSet.copyOf(form.items()));
                close();
            } catch (ValidationException invalid) {
                // The list says what is missing.
            } catch (RuleViolation violation) {
                items.setErrorMessage(Notifications.text(violation));
                items.setInvalid(true);
            }
        });
        archive.setId("ikd-archive-confirm");
        archive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        archive.setEnabled(false);
        binder.addStatusChangeListener(change -> archive.setEnabled(binder.isValid()));
        getFooter().add(new Button(getTranslation("ikd.report.close"), click -> close()), archive);
    }
}
