package id.dukcapil.portal.recording.ui.forms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.ui.BeanRule;
import java.util.List;

/**
 * The registration desk's three forms, each bound to its record's constraints (errors at the field, no action while
 * one is): the number looked up, step 2's document check, and the officer's biometric check with its priority.
 */
public final class RegistrationForms {

    public final TextField nik = new TextField();
    public final Checkbox inPerson = new Checkbox();
    public final CheckboxGroup<String> documents = new CheckboxGroup<>();
    public final Select<Priority> priority = new Select<>();
    public final TextField fault = new TextField();
    public final Binder<NikForm> nikBinder = new Binder<>(NikForm.class);
    public final Binder<DocumentCheckForm> checkBinder = new Binder<>(DocumentCheckForm.class);
    public final Binder<BiometricForm> biometricBinder = new Binder<>(BiometricForm.class);
    /** The documents the resident in hand must bring: what "documents in order" holds the ticks against. */
    private List<String> required = List.of();

    /** @param texts the view whose language the fields speak */
    public RegistrationForms(Component texts) {
        nik.setLabel(texts.getTranslation("recording.registration.nik"));
        nik.setMaxLength(Nik.LENGTH);
        nik.setAllowedCharPattern("[0-9]");
        nik.setAutofocus(true);
        nik.setId("recording-nik");
        inPerson.setLabel(texts.getTranslation("recording.registration.in-person"));
        documents.setItemLabelGenerator(code -> texts.getTranslation("recording.document." + code));
        documents.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        priority.setLabel(texts.getTranslation("recording.registration.priority"));
        priority.setItems(Priority.values());
        priority.setItemLabelGenerator(p -> p == null ? texts.getTranslation("recording.registration.no-priority")
                : texts.getTranslation(p.labelKey()));
        priority.setEmptySelectionAllowed(true);
        priority.setEmptySelectionCaption(texts.getTranslation("recording.registration.no-priority"));
        fault.setLabel(texts.getTranslation("recording.fault.label"));
        fault.setPlaceholder(texts.getTranslation("recording.fault.placeholder"));
        fault.setMaxLength(BiometricForm.FAULT_MAX_LENGTH);
        // The field's own length check runs before the binder's: it says the same words.
        fault.setI18n(new TextField.TextFieldI18n()
                .setMaxLengthErrorMessage(texts.getTranslation("recording.error.fault")));
        fault.setWidthFull();

        nikBinder.forField(nik).withValidator(BeanRule.of(NikForm.class, "nik")).bind("nik");
        nikBinder.readBean(NikForm.empty());
        checkBinder.forField(inPerson).withValidator(BeanRule.of(DocumentCheckForm.class, "inPerson"))
                .bind("inPerson");
        checkBinder.forField(documents).withValidator((ticked, context) -> {
            long missing = required.stream().filter(doc -> !ticked.contains(doc)).count();
            return missing == 0 ? ValidationResult.ok()
                    : ValidationResult.error(texts.getTranslation("recording.error.documents-missing", missing));
        }).bind("documents");
        biometricBinder.forField(priority).bind("priority");
        biometricBinder.forField(fault).withValidator(BeanRule.of(BiometricForm.class, "fault")).bind("fault");
    }

    /** Step 2 begins: the documents this resident must bring, none ticked yet. */
    public void checkDocuments(List<String> toBring) {
        required = toBring;
        documents.setItems(toBring);
        checkBinder.readBean(DocumentCheckForm.empty());
    }

    /** The number field emptied for the next scan, and focused. */
    public void nextNumber() {
        nikBinder.readBean(NikForm.empty());
        nik.focus();
    }
}
