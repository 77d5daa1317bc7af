package id.dukcapil.portal.signing;

import java.time.LocalDate;

/**
 * What a signed document prints of its signature: its number, the address whose QR code verifies it, the day of
 * issue and the signer as the certificate names them.
 */
public record SignatureBlock(String documentNumber, String verificationUrl, LocalDate issuedOn, String signerName,
                             String signerPosition, String signerNip) {
}
