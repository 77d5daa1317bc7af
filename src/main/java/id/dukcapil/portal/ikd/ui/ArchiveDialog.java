package id.dukcapil.portal.ikd.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.ikd.ArchiveItem;
import id.dukcapil.portal.ikd.Registration;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/** The officer's archive checklist (SOP E step 6): the archive button works once every item is ticked. */
class ArchiveDialog extends Dialog {

    final CheckboxGroup<ArchiveItem> items = new CheckboxGroup<>();
    final Button archive;

    ArchiveDialog(Registration registration, Consumer<Set<ArchiveItem>> onArchive) {
        setHeaderTitle(getTranslation("ikd.archive.title", registration.fullName()));
        items.setItems(ArchiveItem.values());
        items.setItemLabelGenerator(item -> getTranslation(item.labelKey()));
        items.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        items.setId("ikd-archive-items");
        add(new Paragraph(getTranslation("ikd.archive.help")), items);
        archive = new Button(getTranslation("ikd.action.archive"), click -> {
            try {
                onArchive.accept(items.getValue().isEmpty() ? EnumSet.noneOf(ArchiveItem.class) : EnumSet.copyOf(items.getValue()));
                close();
            } catch (RuleViolation violation) {
                Notifications.error(violation);
            }
        });
        archive.setId("ikd-archive-confirm");
        archive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        archive.setEnabled(false);
        items.addValueChangeListener(change -> archive.setEnabled(change.getValue().size() == ArchiveItem.values().length));
        getFooter().add(new Button(getTranslation("ikd.report.close"), click -> close()), archive);
    }
}
