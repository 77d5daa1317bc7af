package id.dukcapil.portal.signing.internal;

import java.time.Clock;
import java.util.Arrays;

import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.CertificateInfo;
import id.dukcapil.portal.signing.DocumentSigner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The local adapter of {@link DocumentSigner}: the office's PKCS#12 key, uploaded by ADMIN and unlocked with the
 * passphrase for one batch. Right for the demo and for an office's own seal.
 */
@Component
@ConditionalOnProperty(name = "portal.signing.provider", havingValue = "local", matchIfMissing = true)
public class LocalKeySigner implements DocumentSigner {

    private final KeyVault keyVault;
    private final PadesSigner pades;
    private final SigningProperties properties;
    private final Clock clock;

    public LocalKeySigner(KeyVault keyVault, PadesSigner pades, SigningProperties properties, Clock clock) {
        this.keyVault = keyVault;
        this.pades = pades;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Session open(SecretKind kind, char[] secret) {
        if (kind != SecretKind.PASSPHRASE) { // a code from BeSign opens nothing here: the key file has a passphrase
            Arrays.fill(secret, '\0');
            throw new RuleViolation("signing.totp.local-key");
        }
        KeyVault.UnlockedKey key = keyVault.unlock(secret);
        CertificateInfo certificate = key.certificate();
        Signer signer = new Signer(certificate.holderName(), certificate.holderPosition(), certificate.holderNip());
        return new Session() {
            @Override
            public Signer signer() {
                return signer;
            }

            @Override
            public Signed sign(long batchId, long documentId, byte[] pdf) {
                KeyVault.checkUsable(certificate, clock.instant()); // a batch may outlive the certificate
                return new Signed(pades.sign(pdf, key.key()), certificate.id(), null);
            }

            @Override
            public void close() {
                // The key object goes with the batch; a JCA private key cannot be wiped from here.
            }
        };
    }

    @Override
    public int concurrency() {
        return properties.workers();
    }
}
