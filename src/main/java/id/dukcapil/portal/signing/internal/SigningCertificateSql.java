package id.dukcapil.portal.signing.internal;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A certificate's birth and its key file, in SQL beside the repository: the certificate's DER and the sealed PKCS#12
 * file are blobs written once and read only by the vault, kept off the entity; and BSrE's certificate is registered by
 * the first of two documents signed at once ({@code INSERT IGNORE} on its unique hash answers "there already"), where
 * a persisted entity's duplicate key would doom the document's transaction in the batch.
 */
public interface SigningCertificateSql {

    record NewCertificate(String subject, String issuer, String serialNumber, Instant notBefore, Instant notAfter,
                          String holderName, String holderPosition, String holderNip, byte[] certificateDer,
                          String certificateSha256, byte @Nullable [] sealedPkcs12, Instant uploadedAt,
                          String uploadedBy) {
    }

    /** Stores an uploaded certificate as ACTIVE (the caller retired the one before); its id. */
    long insertActive(NewCertificate certificate);

    /** Keeps a certificate BSrE signed with (no key file: BSrE holds the key), once; its id. */
    long registerRemote(NewCertificate certificate);

    /** The sealed key file of an uploaded certificate (none for BSrE's). */
    Optional<byte[]> sealedPkcs12(long id);
}
