package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.schoolvisit.CertificateForm;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.ui.certificate.CertificateFields;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.Notifications;
import java.util.function.Consumer;

/**
 * SOP D steps 4 and 5 on the outpost: the registry differs from the birth certificate; the officer writes what the
 * certificate says where it differs (an empty field stays as the registry has it), and why. Kept here; the register
 * is corrected at the Dinas on check-in.
 */
class CorrectionDialog extends Dialog {

    final CertificateFields fields = new CertificateFields("outpost-fix-", CertificateForm.blank());
    final Button save = new Button();
    final Button cancel = new Button();

    /** @param done with the correction; throws a {@link RuleViolation} if refused, and the dialog stays open */
    CorrectionDialog(String studentName, Consumer<OutpostBundle.Correction> done) {
        setHeaderTitle(getTranslation("outpost.correct.title"));
        setWidth("min(40rem, 100vw)");
        save.setText(getTranslation("outpost.correct.save"));
        save.setId("outpost-fix-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> fields.read().ifPresent(typed -> {
            try {
                done.accept(typed.correction());
                close();
            } catch (RuleViolation refused) {
                Notifications.error(refused);
            }
        }));
        cancel.setText(getTranslation("outpost.card.cancel"));
        cancel.addClickListener(click -> close());
        add(new Paragraph(getTranslation("outpost.correct.text", studentName)), fields);
        getFooter().add(cancel, save);
    }
}
