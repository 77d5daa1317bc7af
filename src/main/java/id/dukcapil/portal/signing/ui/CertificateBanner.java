package id.dukcapil.portal.signing.ui;

import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.signing.BatchSigning;
import id.dukcapil.portal.signing.CertificateInfo;
import id.dukcapil.portal.signing.Certificates;
import java.time.Clock;

/** Above the queue: the certificate the batch will sign with, and in red when it cannot (none, revoked, expired). */
class CertificateBanner extends Span {

    private final BatchSigning batchSigning;
    private final Certificates certificates;
    private final Clock clock;

    CertificateBanner(BatchSigning batchSigning, Certificates certificates, Clock clock) {
        this.batchSigning = batchSigning;
        this.certificates = certificates;
        this.clock = clock;
    }

    void show() {
        getElement().getThemeList().clear();
        var remote = batchSigning.remoteSigner();
        if (remote.isPresent()) { // BSrE holds the certificate and says before each batch whether it signs
            setText(getTranslation("signing.certificate.bsre", remote.get().name()));
            return;
        }
        var current = certificates.current();
        if (current.isEmpty()) {
            setText(getTranslation("signing.certificate.none"));
            getElement().getThemeList().add("badge error");
            return;
        }
        CertificateInfo certificate = current.get();
        String until = SigningQueueView.TIME.format(certificate.notAfter().atZone(clock.getZone()));
        if (certificate.status() == CertificateInfo.Status.REVOKED) {
            setText(getTranslation("signing.certificate.revoked", certificate.holderName()));
            getElement().getThemeList().add("badge error");
        } else if (certificate.expired(clock.instant())) {
            setText(getTranslation("signing.certificate.expired", until));
            getElement().getThemeList().add("badge error");
        } else if (certificate.expiresSoon(clock.instant())) {
            setText(getTranslation("signing.certificate.expires-soon", until));
            getElement().getThemeList().add("badge contrast");
        } else {
            setText(getTranslation("signing.certificate.current", certificate.holderName(), until));
        }
    }
}
