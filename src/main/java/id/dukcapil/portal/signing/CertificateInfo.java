package id.dukcapil.portal.signing;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An uploaded signing certificate as ADMIN sees it; never the key. */
public record CertificateInfo(long id, String subject, String issuer, String serialNumber, Instant notBefore,
                              Instant notAfter, String holderName, String holderPosition, String holderNip,
                              Status status, Instant uploadedAt, String uploadedBy, @Nullable String revokedReason) {

    /** ADMIN is warned this long before a certificate expires. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    public static final int POSITION_MAX_LENGTH = 120;
    public static final int NIP_LENGTH = 18;

    public enum Status {
        /** Signs the documents. */
        ACTIVE,
        /** Replaced by a newer upload; what it signed stays valid. */
        RETIRED,
        REVOKED,
        /** BSrE's certificate of the Kepala Dinas: BSrE holds the key and signs; the portal keeps the certificate
         * so that what it signed is shown and verified as this office's. */
        BSRE;

        public String labelKey() {
            return "signing.certificate.status." + name();
        }
    }

    public boolean expired(Instant now) {
        return !now.isBefore(notAfter);
    }

    public boolean notYetValid(Instant now) {
        return now.isBefore(notBefore);
    }

    public boolean expiresSoon(Instant now) {
        return !expired(now) && now.plus(EXPIRY_WARNING).isAfter(notAfter);
    }
}
