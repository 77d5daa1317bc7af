package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.CertificateForm;
import id.dukcapil.portal.schoolvisit.FieldDesk;
import id.dukcapil.portal.schoolvisit.FieldStudent;
import id.dukcapil.portal.schoolvisit.ui.certificate.CertificateFields;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * SOP D step 5 on the tablet: the register's data beside what the birth certificate says, corrected with the
 * officer's note. A missing note or a value too long is said at its field and nothing is sent; what the desk refuses
 * (nothing differs) is said in words, the form as typed.
 */
class CorrectionEditor extends Div {

    final CertificateFields fields;
    final Button save = new Button();

    CorrectionEditor(FieldDesk desk, FieldStudent student, long visitId, long id, Consumer<FieldStudent> onSaved) {
        Resident resident = student.resident();
        fields = new CertificateFields("fix-", new CertificateForm(resident.fullName(), resident.birthPlace(),
                resident.birthDate(), resident.sex(), orEmpty(resident.fatherName()), orEmpty(resident.motherName()),
                ""));
        FieldRefusals refusals = FieldRefusals.of(Map.of("schoolvisit.error.correction-note", fields.note));
        save.setText(getTranslation("schoolvisit.field.save-correction"));
        save.setId("field-save-correction");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> fields.read().ifPresent(typed -> {
            try {
                onSaved.accept(desk.correct(visitId, id, typed.certificate(), typed.note()));
            } catch (RuleViolation refused) {
                refusals.show(refused);
            }
        }));
        add(new Paragraph(getTranslation("schoolvisit.field.correct-intro")), fields, save);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
