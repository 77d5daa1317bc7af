package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.BirthCertificate;
import id.dukcapil.portal.schoolvisit.FieldDesk;
import id.dukcapil.portal.schoolvisit.FieldStudent;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sex;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * SOP D step 5 on the tablet: the register's data beside what the birth certificate says, corrected with the
 * officer's note. Bound to {@link FieldForms.Correction}: a missing note or a value too long is said at its field and
 * nothing is sent; what the desk refuses (nothing differs) is said in words, the form as typed.
 */
class CorrectionEditor extends Div {

    final TextField name;
    final TextField place;
    final DatePicker birthDate;
    final Select<Sex> sex = new Select<>();
    final TextField father;
    final TextField mother;
    final TextArea note = new TextArea();
    final Button save = new Button();
    private final Binder<FieldForms.Correction> binder = new Binder<>(FieldForms.Correction.class);

    CorrectionEditor(FieldDesk desk, FieldStudent student, long visitId, long id, Consumer<FieldStudent> onSaved) {
        Resident resident = student.resident();
        name = field("schoolvisit.field.name", Resident.NAME_MAX_LENGTH, "fix-name");
        place = field("schoolvisit.field.birth-place", Resident.BIRTH_PLACE_MAX_LENGTH, "fix-place");
        birthDate = VaadinTexts.localized(new DatePicker(getTranslation("schoolvisit.field.birth-date")));
        birthDate.setId("fix-birth-date");
        sex.setLabel(getTranslation("schoolvisit.field.sex"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(value -> getTranslation("sex." + value.name()));
        father = field("schoolvisit.field.father", Resident.NAME_MAX_LENGTH, "fix-father");
        mother = field("schoolvisit.field.mother", Resident.NAME_MAX_LENGTH, "fix-mother");
        note.setLabel(getTranslation("schoolvisit.field.note"));
        note.setMaxLength(BirthCertificate.NOTE_MAX_LENGTH);
        note.setRequired(true);
        note.setWidthFull();
        note.setId("fix-note");
        String noteWords = getTranslation("schoolvisit.error.correction-note", BirthCertificate.NOTE_MAX_LENGTH);
        // The field's own checks run before the binder's: they say the same words.
        note.setI18n(new TextArea.TextAreaI18n().setRequiredErrorMessage(noteWords)
                .setMaxLengthErrorMessage(noteWords));

        bindText(name, "fullName", Resident.NAME_MAX_LENGTH);
        bindText(place, "birthPlace", Resident.BIRTH_PLACE_MAX_LENGTH);
        binder.forField(birthDate).bind("birthDate");
        binder.forField(sex).bind("sex");
        bindText(father, "fatherName", Resident.NAME_MAX_LENGTH);
        bindText(mother, "motherName", Resident.NAME_MAX_LENGTH);
        binder.forField(note).withValidator(BeanRule.<String>of(FieldForms.Correction.class, "note")
                .withArgs(BirthCertificate.NOTE_MAX_LENGTH)).bind("note");
        binder.readBean(new FieldForms.Correction(resident.fullName(), resident.birthPlace(), resident.birthDate(),
                resident.sex(), orEmpty(resident.fatherName()), orEmpty(resident.motherName()), ""));

        FieldRefusals refusals = FieldRefusals.of(Map.of("schoolvisit.error.correction-note", note));
        save.setText(getTranslation("schoolvisit.field.save-correction"));
        save.setId("field-save-correction");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            FieldForms.Correction typed;
            try {
                typed = binder.writeRecord();
            } catch (ValidationException invalid) {
                return; // each field says what is wrong; nothing was sent
            }
            try {
                onSaved.accept(desk.correct(visitId, id, typed.certificate(), typed.note()));
            } catch (RuleViolation refused) {
                refusals.show(refused);
            }
        });
        FlexLayout form = new FlexLayout(name, place, birthDate, sex, father, mother);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.getStyle().set("gap", "0 var(--lumo-space-m)");
        add(new Paragraph(getTranslation("schoolvisit.field.correct-intro")), form, note, save);
    }

    private void bindText(TextField field, String property, int max) {
        binder.forField(field).withValidator(BeanRule.<String>of(FieldForms.Correction.class, property).withArgs(max))
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

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
