package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.outpost.ui.OutpostForms.Correction;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.BirthCertificate;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sex;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.util.function.Consumer;

/**
 * SOP D steps 4 and 5 on the outpost: the registry differs from the birth certificate; the officer writes what the
 * certificate says where it differs, and why. Kept here; the register is corrected at the Dinas on check-in.
 */
class CorrectionDialog extends Dialog {

    final TextField name;
    final TextField place;
    final DatePicker birthDate;
    final Select<Sex> sex = new Select<>();
    final TextField father;
    final TextField mother;
    final TextArea note = new TextArea();
    final Button save = new Button();
    final Button cancel = new Button();
    private final Binder<Correction> binder = new Binder<>(Correction.class);

    /** @param done with the correction; throws a {@link RuleViolation} if refused, and the dialog stays open */
    CorrectionDialog(String studentName, Consumer<OutpostBundle.Correction> done) {
        setHeaderTitle(getTranslation("outpost.correct.title"));
        setWidth("min(40rem, 100vw)");
        name = field("schoolvisit.field.name", Resident.NAME_MAX_LENGTH, "outpost-fix-name");
        place = field("schoolvisit.field.birth-place", Resident.BIRTH_PLACE_MAX_LENGTH, "outpost-fix-place");
        birthDate = VaadinTexts.localized(new DatePicker(getTranslation("schoolvisit.field.birth-date")));
        birthDate.setId("outpost-fix-birth-date");
        sex.setLabel(getTranslation("schoolvisit.field.sex"));
        sex.setId("outpost-fix-sex");
        sex.setItems(Sex.values());
        sex.setEmptySelectionAllowed(true);
        sex.setItemLabelGenerator(value -> value == null ? "" : getTranslation(value.labelKey()));
        father = field("schoolvisit.field.father", Resident.NAME_MAX_LENGTH, "outpost-fix-father");
        mother = field("schoolvisit.field.mother", Resident.NAME_MAX_LENGTH, "outpost-fix-mother");
        note.setLabel(getTranslation("schoolvisit.field.note"));
        note.setId("outpost-fix-note");
        note.setMaxLength(BirthCertificate.NOTE_MAX_LENGTH);
        note.setRequired(true);
        String noteWords = getTranslation("schoolvisit.error.correction-note", BirthCertificate.NOTE_MAX_LENGTH);
        note.setI18n(new TextArea.TextAreaI18n().setRequiredErrorMessage(noteWords)
                .setMaxLengthErrorMessage(noteWords));

        bindText(name, "fullName", Resident.NAME_MAX_LENGTH);
        bindText(place, "birthPlace", Resident.BIRTH_PLACE_MAX_LENGTH);
        binder.forField(birthDate).bind("birthDate");
        binder.forField(sex).bind("sex");
        bindText(father, "fatherName", Resident.NAME_MAX_LENGTH);
        bindText(mother, "motherName", Resident.NAME_MAX_LENGTH);
        binder.forField(note).withValidator(BeanRule.<String>of(Correction.class, "note")
                .withArgs(BirthCertificate.NOTE_MAX_LENGTH)).bind("note");
        binder.readRecord(new Correction("", "", null, null, "", "", ""));

        save.setText(getTranslation("outpost.correct.save"));
        save.setId("outpost-fix-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> BoundForms.record(binder).ifPresent(typed -> {
            try {
                done.accept(typed.correction());
                close();
            } catch (RuleViolation refused) {
                Notifications.error(refused);
            }
        }));
        cancel.setText(getTranslation("outpost.card.cancel"));
        cancel.addClickListener(click -> close());
        FormLayout form = new FormLayout(name, place, birthDate, sex, father, mother);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        note.setWidthFull();
        add(new Paragraph(getTranslation("outpost.correct.text", studentName)), form, note);
        getFooter().add(cancel, save);
    }

    private void bindText(TextField field, String property, int max) {
        binder.forField(field).withValidator(BeanRule.<String>of(Correction.class, property).withArgs(max))
                .bind(property);
    }

    private TextField field(String key, int max, String id) {
        TextField field = new TextField(getTranslation(key));
        field.setMaxLength(max);
        field.setId(id);
        field.setI18n(new TextField.TextFieldI18n()
                .setMaxLengthErrorMessage(getTranslation("schoolvisit.error.correction-too-long", max)));
        return field;
    }
}
