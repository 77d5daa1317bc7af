package id.dukcapil.portal.signing.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing's settings. The address a signed document's QR code links to is the portal's one public address
 * ({@code portal.public-url}, {@link VerificationLinks}), no longer a setting of its own.
 *
 * @param storageKey  base64 AES key (16 or 32 bytes) sealing the uploaded PKCS#12 files at rest; kept outside the
 *                    database (an environment variable)
 * @param workers     documents signed at once in a batch with the office's own key (BSrE: its parallel calls); by
 *                    default two per core, so that one document's commit (a disk flush) overlaps another's
 *                    rendering
 * @param demoPassphrase the demo signing certificate's passphrase (demo profile only)
 * @param issuePlace  where the office issues its documents, printed before the issue date
 * @param batchLease  how long a running batch stays its node's without a renewal (renewed three times as often):
 *                    another node resumes it only after that, when its node has died
 */
@ConfigurationProperties("portal.signing")
public record SigningProperties(String storageKey, int workers, String demoPassphrase,
                                String issuePlace, Duration batchLease) {

    public SigningProperties {
        storageKey = storageKey == null ? "" : storageKey;
        workers = workers <= 0 ? 2 * Runtime.getRuntime().availableProcessors() : workers;
        demoPassphrase = demoPassphrase == null ? "" : demoPassphrase;
        issuePlace = issuePlace == null || issuePlace.isBlank() ? "Soreang" : issuePlace;
        batchLease = batchLease == null || batchLease.isNegative() || batchLease.isZero() ? Duration.ofSeconds(30)
                : batchLease;
    }
}
