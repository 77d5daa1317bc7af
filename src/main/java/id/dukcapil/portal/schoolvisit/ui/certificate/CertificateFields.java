package id.dukcapil.portal.schoolvisit.ui.certificate;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.BirthCertificate;
import id.dukcapil.portal.schoolvisit.CertificateForm;
import id.dukcapil.portal.shared.Sex;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.util.Optional;

/**
 * What the birth certificate says (name, birth place and date, sex, parents) and the officer's note, bound to
 * {@link CertificateForm}: a missing note or a value too long is said at its field and nothing is read.
 */
public class CertificateFields extends Div {

    public final TextField name;
    public final TextField place;
    public final DatePicker birthDate;
    public final Select<Sex> sex = new Select<>();
    public final TextField father;
    public final TextField mother;
    public final TextArea note = new TextArea();
    private final Binder<CertificateForm> binder = new Binder<>(CertificateForm.class);

    /**
     * @param ids     each field's id begins with it ({@code fix-}: {@code fix-name}, {@code fix-note}, …)
     * @param initial what the fields show first
     */
    public CertificateFields(String ids, CertificateForm initial) {
        name = field("schoolvisit.field.name", Resident.NAME_MAX_LENGTH, ids + "name");
        place = field("schoolvisit.field.birth-place", Resident.BIRTH_PLACE_MAX_LENGTH, ids + "place");
        birthDate = VaadinTexts.localized(new DatePicker(getTranslation("schoolvisit.field.birth-date")));
        birthDate.setId(ids + "birth-date");
        sex.setLabel(getTranslation("schoolvisit.field.sex"));
        sex.setId(ids + "sex");
        sex.setItems(Sex.values());
        sex.setEmptySelectionAllowed(true);
        sex.setItemLabelGenerator(value -> value == null ? "" : getTranslation(value.labelKey()));
        father = field("schoolvisit.field.father", Resident.NAME_MAX_LENGTH, ids + "father");
        mother = field("schoolvisit.field.mother", Resident.NAME_MAX_LENGTH, ids + "mother");
        note.setLabel(getTranslation("schoolvisit.field.note"));
        note.setHelperText(getTranslation("schoolvisit.field.note-help")); // wraps on a phone, as a label does not
        note.setMaxLength(BirthCertificate.NOTE_MAX_LENGTH);
        note.setRequired(true);
        note.setWidthFull();
        note.setId(ids + "note");
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
        binder.forField(note).withValidator(BeanRule.<String>of(CertificateForm.class, "note")
                .withArgs(BirthCertificate.NOTE_MAX_LENGTH)).bind("note");
        binder.readRecord(initial);

        FormLayout form = new FormLayout(name, place, birthDate, sex, father, mother);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form, note);
    }

    /** The form as typed, or nothing when a field says what is wrong. */
    public Optional<CertificateForm> read() {
        return BoundForms.record(binder);
    }

    private void bindText(TextField field, String property, int max) {
        binder.forField(field).withValidator(BeanRule.<String>of(CertificateForm.class, property).withArgs(max))
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
