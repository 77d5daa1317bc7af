package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePointAdministration;
import id.dukcapil.portal.staff.ServicePointAdministration.EditablePoint;
import id.dukcapil.portal.staff.ServicePointForm;
import id.dukcapil.portal.staff.ServicePointKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Makes or edits one service point, bound to its {@link ServicePointForm}. The code and the kind are chosen once: on
 * an existing point they are shown, not editable. Saving a point someone else changed since it was opened is refused
 * with a message and the form kept.
 */
class ServicePointEditor extends Dialog {

    final TextField code = new TextField();
    final TextField name = new TextField();
    final Select<ServicePointKind> kind = new Select<>();
    final ComboBox<Region> district = new ComboBox<>();
    final TextField address = new TextField();
    final Button save = new Button();
    private final Binder<ServicePointForm> binder = new Binder<>(ServicePointForm.class);

    ServicePointEditor(ServicePointAdministration administration, List<Region> regencyDistricts,
                       @Nullable EditablePoint point, Consumer<ServicePoint> onSaved) {
        List<Region> districts = withStored(regencyDistricts, point);
        setHeaderTitle(getTranslation(point == null ? "staff.point.create" : "staff.point.edit"));
        setWidth("min(48em, 100vw)");

        code.setLabel(getTranslation("staff.point.code"));
        code.setMaxLength(ServicePointForm.CODE_MAX_LENGTH);
        code.setHelperText(getTranslation("staff.point.code.help"));
        name.setLabel(getTranslation("staff.point.name"));
        name.setMaxLength(ServicePointForm.NAME_MAX_LENGTH);
        kind.setLabel(getTranslation("staff.point.kind"));
        kind.setItems(ServicePointKind.values());
        kind.setItemLabelGenerator(value -> getTranslation(value.labelKey()));
        district.setLabel(getTranslation("staff.point.district"));
        district.setItems(districts);
        district.setItemLabelGenerator(Region::name);
        district.setHelperText(getTranslation("staff.point.district.help"));
        address.setLabel(getTranslation("staff.point.address"));
        address.setMaxLength(ServicePointForm.ADDRESS_MAX_LENGTH);

        binder.forField(code).asRequired(getTranslation("validation.required"))
                .withConverter(value -> value.strip().toUpperCase(Locale.ROOT), value -> value)
                .withValidator(value -> value.matches(ServicePointForm.CODE_PATTERN)
                        && value.length() >= ServicePointForm.CODE_MIN_LENGTH,
                        getTranslation("staff.point.code.invalid"))
                .bind("code");
        binder.forField(name).asRequired(getTranslation("validation.required")).bind("name");
        binder.forField(kind).asRequired(getTranslation("validation.required")).bind("kind");
        binder.forField(district)
                .withValidator(value -> value != null || kind.getValue() != ServicePointKind.UKL,
                        getTranslation("staff.point.error.district-required"))
                .withConverter(region -> region == null ? null : region.code(), codeValue -> codeValue == null ? null
                        : districts.stream().filter(region -> region.code().equals(codeValue)).findFirst().orElse(null))
                .bind("districtCode");
        binder.forField(address).bind("address");
        kind.addValueChangeListener(change -> binder.validate());

        FormLayout form = new FormLayout(code, kind, name, district, address);
        form.setColspan(name, 2);
        form.setColspan(address, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);

        if (point == null) {
            binder.readBean(new ServicePointForm("", "", ServicePointKind.UKL, null, null));
        } else {
            binder.readBean(ServicePointForm.of(point.point()));
            code.setReadOnly(true);
            kind.setReadOnly(true);
        }

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save(administration, point, onSaved));
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, save);
        EnterSubmits.on(save, code, name, address);
    }

    /**
     * The regency's kecamatans, and the point's own if today's list lacks it (districts split and merge): an edit of
     * the name keeps the kecamatan it was saved with.
     */
    private static List<Region> withStored(List<Region> districts, @Nullable EditablePoint point) {
        String stored = point == null ? null : point.point().districtCode();
        if (stored == null || districts.stream().anyMatch(region -> region.code().equals(stored))) {
            return districts;
        }
        List<Region> all = new ArrayList<>(districts);
        all.add(new Region(stored, stored, null));
        return all;
    }

    private void save(ServicePointAdministration administration, @Nullable EditablePoint point,
                      Consumer<ServicePoint> onSaved) {
        Optional<ServicePointForm> written = BoundForms.record(binder);
        if (written.isEmpty()) {
            return; // the fields show what is wrong
        }
        try {
            ServicePoint saved = point == null ? administration.create(written.get())
                    : administration.update(point.point().id(), point.version(), written.get());
            Notifications.success(getTranslation("staff.point.saved", saved.name()));
            onSaved.accept(saved);
            close();
        } catch (RuleViolation violation) {
            Notifications.error(violation);
        }
    }
}
