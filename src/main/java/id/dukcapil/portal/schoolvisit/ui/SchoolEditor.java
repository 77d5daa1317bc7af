package id.dukcapil.portal.schoolvisit.ui;

import id.dukcapil.portal.shared.ui.BeanRule;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolForm;
import id.dukcapil.portal.schoolvisit.SchoolLevel;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.staff.ServicePoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A new school or the one chosen, bound to its {@link SchoolForm} and its constraints: each field says what is wrong
 * with it as it is typed, a save is refused while one is wrong, and what the service refuses (an NPSN taken, a
 * village not of the regency) is said at its field. A school another planner saved since the form opened is said in
 * words above the form, which stays as typed.
 */
class SchoolEditor extends Dialog {

    final TextField npsn = new TextField();
    final TextField name = new TextField();
    final Select<SchoolLevel> level = new Select<>();
    final TextField address = new TextField();
    final ComboBox<Region> village = new ComboBox<>();
    final TextField contact = new TextField();
    final TextField phone = new TextField();
    final TextField email = new TextField();
    final Select<ServicePoint> point = new Select<>();
    final Paragraph changedMeanwhile = new Paragraph();
    final Button save = new Button();
    private final Binder<SchoolForm> binder = new Binder<>(SchoolForm.class);
    private final Map<String, HasValidation> fieldOfError;

    SchoolEditor(Schools service, @Nullable School school,
                 Consumer<School> onSaved) {
        setHeaderTitle(getTranslation(school == null ? "schoolvisit.schools.new" : "schoolvisit.schools.edit"));
        setWidth("min(48rem, 100vw)");
        label(npsn, "schoolvisit.field.npsn", School.NPSN_LENGTH, "school-npsn");
        npsn.setAllowedCharPattern("[0-9]");
        label(name, "schoolvisit.field.school-name", School.NAME_MAX_LENGTH, "school-name");
        level.setLabel(getTranslation("schoolvisit.column.level"));
        level.setItems(SchoolLevel.values());
        level.setItemLabelGenerator(value -> getTranslation(value.labelKey()));
        level.setId("school-level");
        label(address, "schoolvisit.field.address", School.ADDRESS_MAX_LENGTH, "school-address");
        village.setLabel(getTranslation("schoolvisit.field.village"));
        List<Region> villages = service.villages();
        village.setItems(villages);
        village.setItemLabelGenerator(Region::name);
        village.setId("school-village");
        label(contact, "schoolvisit.field.contact", School.NAME_MAX_LENGTH, "school-contact");
        label(phone, "schoolvisit.field.phone", School.PHONE_MAX_LENGTH, "school-phone");
        label(email, "schoolvisit.field.email", School.EMAIL_MAX_LENGTH, "school-email");
        point.setLabel(getTranslation("schoolvisit.field.service-point"));
        List<ServicePoint> points = service.servicePoints();
        point.setItems(points);
        point.setItemLabelGenerator(ServicePoint::name);
        point.setId("school-point");

        binder.forField(npsn).withValidator(BeanRule.of(SchoolForm.class, "npsn")).bind("npsn");
        binder.forField(name).withValidator(BeanRule.of(SchoolForm.class, "name")).bind("name");
        binder.forField(level).withValidator(BeanRule.of(SchoolForm.class, "level")).bind("level");
        binder.forField(address).withValidator(BeanRule.of(SchoolForm.class, "address")).bind("address");
        binder.forField(village)
                .withConverter(region -> region == null ? "" : region.code(),
                        code -> villages.stream().filter(v -> v.code().equals(code)).findFirst().orElse(null))
                .withValidator(BeanRule.of(SchoolForm.class, "villageCode")).bind("villageCode");
        binder.forField(contact).withValidator(BeanRule.of(SchoolForm.class, "contactName")).bind("contactName");
        binder.forField(phone).withValidator(BeanRule.of(SchoolForm.class, "contactPhone")).bind("contactPhone");
        binder.forField(email)
                .withConverter(typed -> typed == null || typed.isBlank() ? null : typed.strip(),
                        stored -> stored == null ? "" : stored)
                .withValidator(BeanRule.of(SchoolForm.class, "contactEmail"))
                .withValidator(typed -> typed == null || Email.isValid(typed),
                        getTranslation("schoolvisit.error.email"))
                .bind("contactEmail");
        binder.forField(point)
                .withConverter(chosen -> chosen == null ? "" : chosen.code(),
                        code -> points.stream().filter(p -> p.code().equals(code)).findFirst().orElse(null))
                .withValidator(BeanRule.of(SchoolForm.class, "servicePoint")).bind("servicePoint");
        binder.readBean(school == null ? SchoolForm.empty() : SchoolForm.of(school));
        fieldOfError = Map.ofEntries(Map.entry("schoolvisit.error.npsn", npsn),
                Map.entry("schoolvisit.error.npsn-taken", npsn), Map.entry("schoolvisit.error.name", name),
                Map.entry("schoolvisit.error.level", level), Map.entry("schoolvisit.error.address", address),
                Map.entry("schoolvisit.error.village", village),
                Map.entry("schoolvisit.error.contact-name", contact), Map.entry("schoolvisit.error.phone", phone),
                Map.entry("schoolvisit.error.email", email), Map.entry("schoolvisit.error.service-point", point));

        changedMeanwhile.setId("school-changed");
        changedMeanwhile.addClassName("error-text");
        changedMeanwhile.getStyle().set("color", "var(--lumo-error-text-color)");
        changedMeanwhile.setVisible(false);
        FormLayout form = new FormLayout(npsn, name, level, address, village, contact, phone, email, point);
        // A school's name and its address run long ("SMK Negeri 1 Kecamatan …"): each has the form's whole width.
        form.setColspan(name, 2);
        form.setColspan(address, 2);
        add(changedMeanwhile, form);
        save.setText(getTranslation("schoolvisit.action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("school-save");
        save.addClickListener(click -> save(service, school, onSaved));
        Button cancel = new Button(getTranslation("schoolvisit.action.cancel"), click -> close());
        getFooter().add(cancel, save);
    }

    private void save(Schools service, @Nullable School school, Consumer<School> onSaved) {
        changedMeanwhile.setVisible(false);
        Optional<SchoolForm> written = BoundForms.record(binder);
        if (written.isEmpty()) {
            return; // each field says what is wrong with it; nothing was sent
        }
        try {
            SchoolForm typed = written.get();
            School saved = school == null ? service.create(typed) : service.update(school.id(), school.version(), typed);
            close();
            onSaved.accept(saved);
        } catch (RuleViolation violation) {
            refused(violation);
        }
    }

    /** The service's refusal at the field it is about; anything else (changed meanwhile) above the form. */
    private void refused(RuleViolation violation) {
        boolean atAField = false;
        for (String key : violation.messageKeys()) {
            HasValidation field = fieldOfError.get(key);
            if (field != null) {
                field.setErrorMessage(getTranslation(key, violation.args()));
                field.setInvalid(true);
                atAField = true;
            } else {
                changedMeanwhile.setText(getTranslation(key, violation.args()));
                changedMeanwhile.setVisible(true);
            }
        }
        if (!atAField && !changedMeanwhile.isVisible()) {
            Notifications.error(violation);
        }
    }

    private void label(TextField field, String key, int max, String id) {
        field.setLabel(getTranslation(key));
        field.setMaxLength(max);
        field.setId(id);
    }
}
