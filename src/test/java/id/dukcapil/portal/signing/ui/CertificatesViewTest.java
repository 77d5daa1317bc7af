package id.dukcapil.portal.signing.ui;

import static id.dukcapil.portal.signing.SigningTestSupport.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.signing.CertificateInfo;
import id.dukcapil.portal.signing.Certificates;
import id.dukcapil.portal.signing.SigningTestSupport;
import id.dukcapil.portal.signing.demo.DemoCertificateAuthority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The administrator uploads the Kepala Dinas's certificate. */
@WithUserDetails("admin")
class CertificatesViewTest extends PortalViewTest {

    @Autowired Certificates certificates;
    @Autowired SigningTestSupport support;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void a_usable_certificate_again() {
        support.usableCertificateAgain();
    }

    @Test
    void an_uploaded_certificate_is_shown_with_its_validity_and_a_warning_before_expiry() {
        Instant now = Instant.now();
        byte[] pkcs12 = new DemoCertificateAuthority(now).issuePkcs12("Dr. H. Asep Sukmana, M.Si.",
                PASSPHRASE.toCharArray(), now.minus(Duration.ofDays(340)), now.plus(Duration.ofDays(20)));
        CertificatesView view = navigate(CertificatesView.class);

        view.received("kadis-2026.p12", pkcs12);
        test(view.passphrase).setValue(PASSPHRASE);
        test(view.nip).setValue("197203151998031004");
        test(view.save).click();

        assertThat(lastNotification()).isEqualTo("Sertifikat Dr. H. Asep Sukmana, M.Si. disimpan dan dipakai untuk tanda tangan.");
        CertificateInfo current = certificates.current().orElseThrow();
        assertThat(current.status()).isEqualTo(CertificateInfo.Status.ACTIVE);
        assertThat(current.issuer()).contains("Demo CA Disdukcapil");
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("Dr. H. Asep Sukmana, M.Si.");
        // The subject and the issuer in words, not "CN=…,O=…,C=ID" (issue 36, item 4).
        assertThat(test(view.grid).getCellText(0, 1)).startsWith("Dr. H. Asep Sukmana, M.Si.").doesNotContain("CN=");
        assertThat(test(view.grid).getCellText(0, 2)).startsWith("Demo CA Disdukcapil").doesNotContain("CN=", "C=ID");
        assertThat(view.warning.isVisible()).isTrue();
        assertThat(view.warning.getText()).startsWith("Sertifikat berakhir pada");
        assertThat(view.passphrase.getValue()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'signing.certificate.uploaded'"
                + " AND subject_id = ? AND actor_id = 'admin'", Long.class, String.valueOf(current.id()))).isEqualTo(1);
        byte[] stored = jdbc.queryForObject("SELECT pkcs12_sealed FROM signing_certificate WHERE id = ?", byte[].class,
                current.id());
        assertThat(stored).isNotEqualTo(pkcs12);
    }

    @Test
    void the_admin_revokes_a_certificate_from_its_row_with_a_reason() {
        Instant now = Instant.now();
        byte[] pkcs12 = new DemoCertificateAuthority(now).issuePkcs12("Kadis Lama", PASSPHRASE.toCharArray(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(400)));
        CertificatesView view = navigate(CertificatesView.class);
        view.received("kadis-lama.p12", pkcs12);
        test(view.passphrase).setValue(PASSPHRASE);
        test(view.nip).setValue("197203151998031004");
        test(view.save).click();
        long uploaded = certificates.current().orElseThrow().id();
        int row = java.util.stream.IntStream.range(0, test(view.grid).size())
                .filter(i -> test(view.grid).getRow(i).id() == uploaded).findFirst().orElseThrow();

        GridInput.clickAction(view.grid, row, "revoke-");
        ReasonDialog dialog = find(ReasonDialog.class).single();
        test(dialog.reason).setValue("Kunci privat hilang");
        test(dialog.confirm).click();

        assertThat(certificates.current().orElseThrow().status()).isEqualTo(CertificateInfo.Status.REVOKED);
        assertThat(GridInput.showsAction(view.grid, row, "revoke-")).as("revoked: not offered again").isFalse();
    }

    @Test
    void a_wrong_passphrase_or_a_file_that_is_no_pkcs12_is_refused_with_a_message() {
        Instant now = Instant.now();
        byte[] pkcs12 = new DemoCertificateAuthority(now).issuePkcs12("Kadis", PASSPHRASE.toCharArray(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(400)));
        CertificatesView view = navigate(CertificatesView.class);

        view.received("kadis.p12", pkcs12);
        test(view.passphrase).setValue("bukan-ini");
        test(view.nip).setValue("197203151998031004");
        test(view.save).click();
        assertThat(view.passphrase.isInvalid()).as("said at the passphrase, where it is typed again").isTrue();
        assertThat(view.passphrase.getErrorMessage()).isEqualTo("Passphrase salah.");

        test(view.nip).setValue("1972 0315 1998");
        test(view.save).click();
        assertThat(view.nip.isInvalid()).isTrue();
        assertThat(view.nip.getErrorMessage()).isEqualTo("NIP terdiri dari 18 angka.");
        test(view.nip).setValue("19720315 199803 1 004");

        view.received("surat.pdf", "%PDF-1.7 not a key".getBytes());
        test(view.passphrase).setValue(PASSPHRASE);
        test(view.save).click();
        assertThat(lastNotification()).isEqualTo("Berkas ini bukan berkas PKCS#12 (.p12/.pfx).");
    }
}
