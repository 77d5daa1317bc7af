package id.dukcapil.portal.signing;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The port through which signing asks a procedure for its document: each procedure module that has documents signed
 * (the family card, a proof of recording, a handover record, a daily report) implements it once for its source type.
 * Signing renders nothing itself: it signs, stores, verifies and announces (decision 084).
 */
public interface SignableDocuments {

    /** The {@link SigningRequest#sourceType()} this module asks with. */
    String sourceType();

    /**
     * The document of the case as it is to be signed now, with the signature block printed on it; or the reason it
     * must go back to its source instead (what it shows has changed since it was approved). Called at signing time
     * (and for the Kepala Dinas's preview), outside any transaction of the caller.
     *
     * @throws id.dukcapil.portal.shared.RuleViolation if it cannot be rendered (the document fails, stays queued)
     */
    Rendering render(String sourceId, SignatureBlock block);

    /**
     * How the queue names one of this module's documents, in the reader's language: what it is, whose it is, and
     * what it is about under its own label ("Kepala keluarga · KK ****0001", "Sekolah · NPSN 20212345"). Called for
     * every row shown, so made from the queued document alone, without a lookup.
     */
    Heading heading(QueuedDocument document, Locale locale);

    /**
     * What the Kepala Dinas reads beside the preview, in the reader's language: the case's facts that the document
     * must agree with (a family card's members and their relationship). None unless the module offers some.
     */
    default List<Detail> details(String sourceId, Locale locale) {
        return List.of();
    }

    /**
     * One fact of a case, in words: a label and its value.
     *
     * @param person the whole NIK of the person the line names, if it names one: not shown, but recorded as seen with
     *               the preview (decision 129)
     */
    record Detail(String label, String value, @Nullable String person) {

        public Detail(String label, String value) {
            this(label, value, null);
        }
    }

    /**
     * A queued document in words.
     *
     * @param kind   what it is ("Kartu Keluarga", "Berita Acara Serah Terima KTP-el ke sekolah")
     * @param holder whose it is: a head of family, a school, a service point
     * @param about  the holder's role and the document's subject, each named (numbers masked as everywhere)
     */
    record Heading(String kind, String holder, String about) {
    }

    /** What {@link #render} gives: the PDF to sign, or the reason the document goes back. */
    sealed interface Rendering {

        record Pdf(byte[] bytes) implements Rendering {
        }

        record SendBack(String reason) implements Rendering {
        }
    }
}
