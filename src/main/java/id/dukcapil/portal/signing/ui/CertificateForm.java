package id.dukcapil.portal.signing.ui;

import id.dukcapil.portal.signing.CertificateInfo;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The holder's details of a signing certificate as the upload form binds them: the position printed under the
 * signature and the holder's NIP (eighteen digits, spaces as typed from a letter allowed). The file and its passphrase
 * are not in it: the passphrase only opens the file once and is kept nowhere. Each message the bundle key of the
 * service's own refusal; the service checks them again.
 */
public record CertificateForm(
        @NotBlank(message = "{signing.certificate.position.invalid}")
        @Size(max = CertificateInfo.POSITION_MAX_LENGTH, message = "{signing.certificate.position.invalid}") String position,
        @Pattern(regexp = "\\s*(\\d\\s*){18}", message = "{signing.certificate.nip.invalid}") String nip) {
}
