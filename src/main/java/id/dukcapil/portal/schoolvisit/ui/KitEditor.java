package id.dukcapil.portal.schoolvisit.ui;

import id.dukcapil.portal.shared.NaturalOrder;
import id.dukcapil.portal.shared.ui.BeanRule;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.schoolvisit.Kit;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The kits: chosen from the list to edit, or typed anew, bound to {@link Kit} and its constraints so each field says
 * what is wrong with it and a save is refused while one is; what the planner refuses is said at the code.
 */
class KitEditor extends Dialog {

    final Grid<Kit> grid = new Grid<>();
    final TextField code = new TextField();
    final TextField name = new TextField();
    final Select<String> point = new Select<>();
    final Checkbox repair = new Checkbox();
    final TextField note = new TextField();
    final Button save = new Button();
    private final Binder<Kit> binder = new Binder<>(Kit.class);

    KitEditor(VisitPlanner planner, Map<String, String> points) {
        setHeaderTitle(getTranslation("schoolvisit.calendar.kits"));
        setWidth("min(48rem, 100vw)");
        grid.addColumn(Kit::code).setComparator(Comparator.comparing(Kit::code, NaturalOrder.TEXT)).setHeader(getTranslation("schoolvisit.column.code")).setAutoWidth(true);
        grid.addColumn(Kit::name).setComparator(Comparator.comparing(Kit::name, NaturalOrder.TEXT)).setHeader(getTranslation("schoolvisit.column.kit"));
        grid.addColumn(k -> k.underRepair() ? getTranslation("schoolvisit.calendar.repair") + ": "
                + (k.repairNote() == null ? "" : k.repairNote()) : "").setSortable(true).setHeader(getTranslation("schoolvisit.column.state"));
        grid.setItems(planner.kits());
        grid.setAllRowsVisible(true);
        code.setLabel(getTranslation("schoolvisit.column.code"));
        code.setMaxLength(Kit.CODE_MAX_LENGTH);
        code.setId("kit-code");
        name.setLabel(getTranslation("schoolvisit.column.kit"));
        name.setMaxLength(Kit.NAME_MAX_LENGTH);
        name.setId("kit-name");
        point.setLabel(getTranslation("schoolvisit.field.service-point"));
        point.setItems(points.keySet());
        point.setItemLabelGenerator(c -> points.getOrDefault(c, c));
        point.setId("kit-point");
        repair.setLabel(getTranslation("schoolvisit.calendar.repair"));
        note.setLabel(getTranslation("schoolvisit.calendar.repair-note"));
        note.setMaxLength(Kit.NOTE_MAX_LENGTH);

        binder.forField(code).withConverter(String::strip, stored -> stored)
                .withValidator(BeanRule.of(Kit.class, "code")).bind("code");
        binder.forField(name).withConverter(String::strip, stored -> stored)
                .withValidator(BeanRule.of(Kit.class, "name")).bind("name");
        binder.forField(point).withConverter(chosen -> chosen == null ? "" : chosen,
                        stored -> stored == null || stored.isEmpty() ? null : stored)
                .withValidator(BeanRule.of(Kit.class, "servicePoint"))
                .bind("servicePoint");
        binder.forField(repair).bind("underRepair");
        binder.forField(note).withConverter(typed -> typed == null || typed.isBlank() ? null : typed.strip(),
                        stored -> stored == null ? "" : stored)
                .withValidator(BeanRule.of(Kit.class, "repairNote"))
                .bind("repairNote");
        binder.readBean(Kit.empty());
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                binder.readBean(change.getValue());
            }
        });

        save.setText(getTranslation("schoolvisit.action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("kit-save");
        save.addClickListener(click -> {
            Optional<Kit> written = BoundForms.record(binder);
            if (written.isEmpty()) {
                return; // each field says what is wrong with it; nothing was sent
            }
            try {
                Kit saved = planner.saveKit(written.get());
                Notifications.success(getTranslation("schoolvisit.calendar.kit-saved", saved.name()));
                grid.setItems(planner.kits());
            } catch (RuleViolation violation) {
                code.setErrorMessage(Notifications.text(violation));
                code.setInvalid(true);
            }
        });
        add(grid, new H3(getTranslation("schoolvisit.calendar.kit-form")),
                new FormLayout(code, name, point, repair, note));
        getFooter().add(new Button(getTranslation("schoolvisit.action.close"), click -> close()), save);
    }
}
