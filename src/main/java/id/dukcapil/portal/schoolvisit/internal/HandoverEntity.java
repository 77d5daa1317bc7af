package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.schoolvisit.Handover;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A collective handover record (Berita Acara Serah Terima): prepared with the school's printed cards, signed by the
 * Kepala Dinas, received by the school once. The cards it lists are the students' ({@link StudentEntity#listOn}).
 */
@Entity
@Table(name = "schoolvisit_handover")
public class HandoverEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long schoolId;
    private String number;
    private int cards;
    private String preparedBy;
    private Instant preparedAt;
    private @Nullable Long documentId;
    private @Nullable Instant signedAt;
    private @Nullable String receivedBy;
    private @Nullable Instant receivedAt;
    @Version
    private long version;

    protected HandoverEntity() {
        this.number = "";
        this.preparedBy = "";
        this.preparedAt = Instant.EPOCH;
    }

    /** A record being prepared; its number is made from its id once it has one ({@link #numbered}). */
    public HandoverEntity(long schoolId, String provisionalNumber, int cards, String by, Instant at) {
        this.schoolId = schoolId;
        this.number = provisionalNumber;
        this.cards = cards;
        this.preparedBy = by;
        this.preparedAt = at;
    }

    public void numbered(String number) {
        this.number = number;
    }

    /** The record went into the Kepala Dinas's signing queue as this document. */
    public void inSigning(long documentId) {
        this.documentId = documentId;
    }

    /**
     * The Kepala Dinas signed the record.
     *
     * @return whether this call recorded the signature (a repeated event finds it recorded)
     */
    public boolean signed(Instant at) {
        if (signedAt != null) {
            return false;
        }
        signedAt = at;
        return true;
    }

    /** The school's receiver signed for the cards, against the signed record; once. */
    public void received(String receiver, Instant at) {
        if (receivedAt != null) {
            throw new RuleViolation("schoolvisit.error.handover-received", number);
        }
        if (signedAt == null) {
            throw new RuleViolation("schoolvisit.error.handover-not-signed", number);
        }
        this.receivedBy = receiver;
        this.receivedAt = at;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public long schoolId() {
        return schoolId;
    }

    public Handover toRecord(List<Student> students) {
        return new Handover(id(), schoolId, number, cards, preparedBy, preparedAt, documentId, signedAt, receivedBy,
                receivedAt, students);
    }
}
