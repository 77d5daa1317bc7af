package id.dukcapil.portal.signing;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The port to whatever applies the Kepala Dinas's electronic signature (TTE), one batch at a time. The local
 * adapter signs with the office's PKCS#12 key; the BSrE adapter has BSrE's signing service sign with the signer's
 * NIK and the passphrase typed for the batch. Which one signs is the office's configuration
 * ({@code portal.signing.provider}); see docs/decisions/144-the-kepala-dinas-signs-through-bsre.md.
 */
public interface DocumentSigner {

    /**
     * Opens the signer for one batch. Refused, in words, before anything is signed: a wrong passphrase, a signer
     * whose certificate is revoked, expired or not registered.
     *
     * @param secret the passphrase typed for this batch: wiped from the array before this returns; the session
     *               keeps what it needs only until it is closed
     */
    Session open(char[] secret);

    /** Documents this signer signs at once in a batch: the batch's worker threads. */
    int concurrency();

    /**
     * The signer a remote service signs for (BSrE), as configured; empty for the local key, whose certificate the
     * portal holds and shows itself.
     */
    default Optional<Signer> remoteSigner() {
        return Optional.empty();
    }

    /** One batch's signer: closed once the batch's last sign call has returned, which forgets the key or the secret. */
    interface Session extends AutoCloseable {

        /** Who signs, as the visible block and the document show it. */
        Signer signer();

        /**
         * @param pdf the document to sign, rendered with {@link #signer()}'s block
         * @return the signed document, checked: a PAdES signature over the whole file by the signer
         */
        Signed sign(long batchId, long documentId, byte[] pdf);

        @Override
        void close();
    }

    /** The signer's name, position and NIP as printed on the document. */
    record Signer(String name, String position, String nip) {
    }

    /**
     * @param certificateId the signing certificate, as stored by the portal (for the public verification page)
     * @param attemptId     the remote attempt this signature answers, closed with the document's commit; none for
     *                      the local key
     */
    record Signed(byte[] pdf, long certificateId, @Nullable Long attemptId) {
    }
}
