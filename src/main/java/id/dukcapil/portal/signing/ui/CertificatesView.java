package id.dukcapil.portal.signing.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import id.dukcapil.portal.shared.ui.ListedRows;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.shared.ui.RowActions;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import id.dukcapil.portal.shared.upload.BoundedUploadHandler;
import id.dukcapil.portal.signing.CertificateInfo;
import id.dukcapil.portal.signing.Certificates;
import id.dukcapil.portal.signing.DocumentReturned;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * ADMIN: upload the Kepala Dinas's PKCS#12 file, see each certificate's subject, issuer and validity (a warning
 * 30 days before expiry), revoke one.
 */
@Route("certificates")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.certificates", order = 82, icon = "vaadin:diploma")
class CertificatesView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    final Span warning = new Span();
    final Upload upload;
    final Span uploadedFile = new Span();
    final PasswordField passphrase = new PasswordField();
    final TextField position = new TextField();
    final TextField nip = new TextField();
    final Button save = new Button();
    final Grid<CertificateInfo> grid = new Grid<>();
    private final Binder<CertificateForm> form = new Binder<>(CertificateForm.class);
    /** Each row keeps its data key while listed: what a click on its button names (decision 163). */
    private final ListedRows<CertificateInfo> rows = ListedRows.of(grid, CertificateInfo::id);

    private final Certificates certificates;
    private final Clock clock;
    private byte @Nullable [] file;

    CertificatesView(Certificates certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
        setSizeFull();
        UI ui = UI.getCurrent();
        upload = VaadinTexts.localized(new Upload(BoundedUploadHandler.inMemory(Certificates.MAX_UPLOAD_BYTES,
                (metadata, bytes) -> ui.access(() -> received(metadata.fileName(), bytes)))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(Certificates.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".p12", ".pfx", "application/x-pkcs12");
        passphrase.setLabel(getTranslation("signing.certificate.passphrase"));
        passphrase.setHelperText(getTranslation("signing.certificate.passphrase.help"));
        position.setLabel(getTranslation("signing.certificate.position"));
        position.setMaxLength(CertificateInfo.POSITION_MAX_LENGTH);
        position.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(
                getTranslation("signing.certificate.position.invalid", CertificateInfo.POSITION_MAX_LENGTH)));
        nip.setLabel(getTranslation("signing.certificate.nip"));
        // Eighteen digits, and the spaces a NIP is often written with in a letter.
        nip.setMaxLength(CertificateInfo.NIP_LENGTH + 3);
        nip.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("signing.certificate.nip.invalid")));
        form.forField(position).withValidator(BeanRule.<String>of(CertificateForm.class, "position")
                .withArgs(CertificateInfo.POSITION_MAX_LENGTH)).bind("position");
        form.forField(nip).withValidator(BeanRule.of(CertificateForm.class, "nip")).bind("nip");
        form.readRecord(new CertificateForm("Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bandung", ""));
        save.setText(getTranslation("signing.certificate.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());

        grid.addColumn(CertificateInfo::holderName).setHeader(getTranslation("signing.certificate.column.holder"))
                .setAutoWidth(true);
        grid.addColumn(certificate -> DistinguishedNames.readable(certificate.subject()))
                .setHeader(getTranslation("signing.certificate.column.subject")).setFlexGrow(2)
                .setTooltipGenerator(CertificateInfo::subject);
        grid.addColumn(certificate -> DistinguishedNames.readable(certificate.issuer()))
                .setHeader(getTranslation("signing.certificate.column.issuer")).setFlexGrow(2)
                .setTooltipGenerator(CertificateInfo::issuer);
        grid.addColumn(CertificateInfo::serialNumber).setHeader(getTranslation("signing.certificate.column.serial"))
                .setAutoWidth(true);
        grid.addColumn(certificate -> DAY.format(certificate.notBefore().atZone(clock.getZone())))
                .setHeader(getTranslation("signing.certificate.column.valid-from")).setAutoWidth(true);
        grid.addComponentColumn(this::validUntil).setHeader(getTranslation("signing.certificate.column.valid-until"))
                .setAutoWidth(true);
        grid.addColumn(certificate -> getTranslation(certificate.status().labelKey()))
                .setHeader(getTranslation("signing.certificate.column.status")).setAutoWidth(true);
        RowActions.<CertificateInfo>of(CertificateInfo::id)
                .dialogButton("revoke-", getTranslation("signing.certificate.revoke"), VaadinIcon.BAN,
                        certificate -> certificate.status() != CertificateInfo.Status.REVOKED, this::openRevoke,
                        ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR)
                .addTo(grid);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);

        FormLayout form = new FormLayout(upload, uploadedFile, passphrase, position, nip, save);
        form.setColspan(position, 2); // the office's long title whole
        add(new H3(getTranslation("signing.certificate.title")), warning, grid, form);
        refresh();
    }

    private Span validUntil(CertificateInfo certificate) {
        Span until = new Span(DAY.format(certificate.notAfter().atZone(clock.getZone())));
        if (certificate.status() == CertificateInfo.Status.ACTIVE && certificate.expiresSoon(clock.instant())) {
            until.setText(until.getText() + " · " + getTranslation("signing.certificate.warning"));
            until.getElement().getThemeList().add("badge contrast");
        }
        return until;
    }

    /** The uploaded bytes wait here until the form is saved. */
    void received(String fileName, byte[] bytes) {
        file = bytes;
        uploadedFile.setText(getTranslation("signing.certificate.uploaded-file", fileName));
    }

    void save() {
        Optional<CertificateForm> written = BoundForms.record(form);
        if (written.isEmpty()) {
            return; // each field says what is wrong with it; nothing was read from the file
        }
        if (file == null) {
            Notifications.error(getTranslation("signing.certificate.no-file"));
            return;
        }
        // Read once and emptied at once: the passphrase opens the file and is kept nowhere, on screen neither.
        char[] typed = passphrase.getValue().toCharArray();
        passphrase.clear();
        try {
            CertificateInfo saved = certificates.upload(file, typed, written.get().position(), written.get().nip());
            Notifications.success(getTranslation("signing.certificate.saved", saved.holderName()));
            file = null;
            uploadedFile.setText("");
            upload.clearFileList();
            refresh();
        } catch (RuleViolation violation) {
            FieldRefusals.of(Map.of("signing.passphrase.wrong", passphrase,
                    "signing.certificate.position.invalid", position, "signing.certificate.nip.invalid", nip))
                    .show(violation);
        } finally {
            java.util.Arrays.fill(typed, '\0');
        }
    }

    void openRevoke(CertificateInfo certificate) {
        new ReasonDialog(getTranslation("signing.certificate.revoke.title", certificate.holderName()),
                getTranslation("signing.certificate.revoke"), DocumentReturned.REASON_MAX_LENGTH, reason -> {
                    certificates.revoke(certificate.id(), reason);
                    Notifications.success(getTranslation("signing.certificate.revoked-done"));
                    refresh();
                }).open();
    }

    void refresh() {
        rows.show(certificates.all());
        warning.setVisible(false);
        certificates.current().filter(current -> current.status() == CertificateInfo.Status.ACTIVE)
                .filter(current -> current.expiresSoon(clock.instant()) || current.expired(clock.instant()))
                .ifPresent(current -> {
                    warning.setText(getTranslation(current.expired(clock.instant()) ? "signing.certificate.expired"
                            : "signing.certificate.expires-soon", DAY.format(current.notAfter().atZone(clock.getZone()))));
                    warning.getElement().getThemeList().add("badge error");
                    warning.setVisible(true);
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.certificates") + " · Dukcapil Portal";
    }
}
