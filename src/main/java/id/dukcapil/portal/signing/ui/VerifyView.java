package id.dukcapil.portal.signing.ui;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.upload.BoundedUploadHandler;
import id.dukcapil.portal.shared.web.ClientAddress;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.PublicPage;
import id.dukcapil.portal.signing.PdfSignatureCheck;
import id.dukcapil.portal.signing.PublicDocument;
import id.dukcapil.portal.signing.PublicVerification;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import org.jspecify.annotations.Nullable;

/**
 * Public, no sign-in: the page a document's QR code opens ({@code /verify/<token>}) and the check of an uploaded
 * PDF. Outside the staff shell, in the public pages' frame.
 */
@Route(value = "verify", autoLayout = false)
@AnonymousAllowed
class VerifyView extends PublicPage implements HasUrlParameter<String>, HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm z");

    final Div document = new Div();
    final Upload upload;
    final Div checkResult = new Div();

    private final PublicVerification verification;
    private final Clock clock;
    /** The QR code's document's state, coloured until a file is checked below it. */
    private @Nullable Span recordBadge;
    private @Nullable String recordStatus;

    VerifyView(PublicVerification verification, Clock clock) {
        super("public.brand", null, "48em");
        this.verification = verification;
        this.clock = clock;
        UI ui = UI.getCurrent();
        upload = VaadinTexts.localized(new Upload(BoundedUploadHandler.inMemory(PublicVerification.MAX_UPLOAD_BYTES,
                (metadata, bytes) -> {
                    // The upload's own request names the client; the access may run on another thread.
                    String client = ClientAddress.current().orElse("unknown");
                    ui.access(() -> check(bytes, client));
                })));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(PublicVerification.MAX_UPLOAD_BYTES);
        upload.addFileRejectedListener(rejected -> Notifications.error(
                getTranslation("signing.verify.too-large", PublicVerification.MAX_UPLOAD_BYTES / (1024 * 1024))));
        add(new H2(getTranslation("signing.verify.title")), new Paragraph(getTranslation("signing.verify.intro")),
                document, new H3(getTranslation("signing.verify.upload.title")),
                new Paragraph(getTranslation("signing.verify.upload.hint",
                        PublicVerification.MAX_UPLOAD_BYTES / (1024 * 1024))), upload, checkResult);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String token) {
        document.removeAll();
        if (token == null || token.isBlank()) {
            return;
        }
        verification.byToken(token.strip().toUpperCase(java.util.Locale.ROOT)).ifPresentOrElse(this::show,
                () -> document.add(badge(getTranslation("signing.verify.not-found"), "error")));
    }

    private void show(PublicDocument found) {
        recordStatus = getTranslation(found.status().labelKey());
        recordBadge = badge(recordStatus, found.status() == PublicDocument.Status.VALID ? "success" : "error");
        document.add(recordBadge);
        document.add(line("signing.verify.kind", getTranslation("signing.verify.kind." + found.kind())),
                line("signing.verify.number", found.number()),
                line("signing.verify.issued", DAY.format(found.issuedOn())),
                line("signing.verify.signer", found.signerName() + ", " + found.signerPosition()),
                line("signing.verify.holder", found.holderName()),
                line("signing.verify.nik", found.maskedNik()));
    }

    /** Checks an uploaded file and says what it is, in the visitor's language. */
    void check(byte[] bytes, String client) {
        checkResult.removeAll();
        if (recordBadge != null) {
            // One colour on the page, the file's: a green "SAH" above a red "not signed" read as a contradiction. The
            // record's state stays, named for what it is.
            recordBadge.setText(getTranslation("signing.verify.record", recordStatus));
            recordBadge.getElement().getThemeList().clear();
            recordBadge.getElement().getThemeList().add("badge contrast");
        }
        PdfSignatureCheck check;
        try {
            check = verification.check(bytes, client);
        } catch (RuleViolation violation) {
            checkResult.add(badge(Notifications.text(violation), "error"));
            return;
        }
        String key = "signing.check." + check.verdict().name();
        String signedAt = check.signedAt() == null ? "" : TIME.format(check.signedAt().atZone(clock.getZone()));
        checkResult.add(badge(getTranslation(key, check.signerName() == null ? "" : check.signerName(), signedAt),
                check.authentic() ? "success" : "error"));
        check.number().ifPresent(number -> checkResult.add(new Paragraph(
                getTranslation("signing.check.AUTHENTIC.number", number))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signing.verify.title");
    }
}
