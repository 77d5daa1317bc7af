package id.dukcapil.portal.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import id.dukcapil.portal.shared.RuleViolation;

import org.jspecify.annotations.Nullable;

/**
 * The port to whatever applies the Kepala Dinas's electronic signature (TTE), one batch at a time. The local
 * adapter signs with the office's PKCS#12 key; the BSrE adapter has BSrE's signing service sign with the signer's
 * NIK and the passphrase, or the TOTP of the BeSign app, typed for the batch. Which one signs is the office's
 * configuration ({@code portal.signing.provider}); see docs/decisions/144-the-kepala-dinas-signs-through-bsre.md and
 * 151-a-batch-signed-with-a-totp-from-besign.md.
 */
public interface DocumentSigner {

    /** What the signer typed for the batch. */
    enum SecretKind {
        /** The signer's passphrase (the local key's, or the one BSrE knows). */
        PASSPHRASE,
        /** A time-based one-time code (RFC 6238, six digits) from BSrE's BeSign app: valid for seconds. */
        TOTP
    }

    /**
     * Opens the signer for one batch. Refused, in words, before anything is signed: a wrong passphrase, a secret
     * this signer does not take, a signer whose certificate is revoked, expired or not registered.
     *
     * @param kind   which secret it is
     * @param secret the secret typed for this batch: wiped from the array before this returns; the session keeps
     *               what it needs only until it is closed
     */
    Session open(SecretKind kind, char[] secret);

    /** The secrets this signer opens with: the passphrase always; BSrE also a TOTP from BeSign. */
    default Set<SecretKind> secretKinds() {
        return Set.of(SecretKind.PASSPHRASE);
    }

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
         * How many documents go to the signer in one call: one for a signer called per document (the batch signs
         * them in parallel through {@link #sign}); more for a TOTP, valid for seconds, which must sign the batch in
         * as few calls as possible: the batch then hands them over through {@link #signTogether}.
         */
        default CallSize callSize() {
            return CallSize.ONE;
        }

        /**
         * @param pdf the document to sign, rendered with {@link #signer()}'s block
         * @return the signed document, checked: a PAdES signature over the whole file by the signer
         */
        Signed sign(long batchId, long documentId, byte[] pdf);

        /**
         * Signs the documents in one call (at most {@link #callSize()}): each document's answer, in their order. A
         * call that fails as a whole answers each of its documents with the same refusal.
         */
        default List<Result> signTogether(long batchId, List<Unsigned> documents) {
            List<Result> results = new ArrayList<>(documents.size());
            for (Unsigned document : documents) {
                try {
                    results.add(sign(batchId, document.documentId(), document.pdf()));
                } catch (RuleViolation refused) {
                    results.add(new Refused(refused));
                }
            }
            return results;
        }

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
    record Signed(byte[] pdf, long certificateId, @Nullable Long attemptId) implements Result {
    }

    /** A document's answer in a call of several. */
    sealed interface Result permits Signed, Refused {
    }

    /** Not signed, and why, in the signer's words. */
    record Refused(RuleViolation why) implements Result {
    }

    /** A rendered document handed to the signer. */
    record Unsigned(long documentId, byte[] pdf) {
    }

    /**
     * The bounds of one call: at most {@code files} documents of at most {@code bytes} together (a document larger
     * than that goes alone).
     */
    record CallSize(int files, long bytes) {

        public static final CallSize ONE = new CallSize(1, Long.MAX_VALUE);

        public boolean gathers() {
            return files > 1;
        }
    }
}
