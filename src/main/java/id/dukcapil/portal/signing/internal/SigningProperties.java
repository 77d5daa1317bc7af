package id.dukcapil.portal.signing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl   the portal's address as citizens reach it: the QR code on each document links there
 * @param storageKey  base64 AES key (16 or 32 bytes) sealing the uploaded PKCS#12 files at rest; kept outside the
 *                    database (an environment variable)
 * @param workers     documents signed at once in a batch (one per core is the most that helps)
 * @param demoPassphrase the demo signing certificate's passphrase (demo profile only)
 * @param issuePlace  where the office issues its documents, printed before the issue date
 */
@ConfigurationProperties("portal.signing")
public record SigningProperties(String publicUrl, String storageKey, int workers, String demoPassphrase,
                                String issuePlace) {

    public SigningProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        storageKey = storageKey == null ? "" : storageKey;
        workers = workers <= 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : workers;
        demoPassphrase = demoPassphrase == null ? "" : demoPassphrase;
        issuePlace = issuePlace == null || issuePlace.isBlank() ? "Soreang" : issuePlace;
    }

    public String verificationUrl(String token) {
        return publicUrl + "/verify/" + token;
    }
}
