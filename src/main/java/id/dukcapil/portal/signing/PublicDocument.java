package id.dukcapil.portal.signing;

import java.time.LocalDate;

/**
 * What the public verification page tells about a signed document: enough to trust a printout, no more.
 *
 * @param maskedNik the holder's NIK, partly hidden
 */
public record PublicDocument(String kind, String number, Status status, LocalDate issuedOn, String signerName,
                             String signerPosition, String holderName, String maskedNik) {

    public enum Status {
        VALID, REVOKED,
        /** A newer family card for the same KK number was signed since. */
        SUPERSEDED;

        public String labelKey() {
            return "signing.public.status." + name();
        }
    }
}
