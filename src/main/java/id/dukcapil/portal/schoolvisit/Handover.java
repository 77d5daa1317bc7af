package id.dukcapil.portal.schoolvisit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A collective handover record (Berita Acara Serah Terima): the cards listed, and the school's receipt. */
public record Handover(long id, long schoolId, String number, int cards, String preparedBy, Instant preparedAt,
                       @Nullable Long documentId, @Nullable Instant signedAt, @Nullable String receivedBy,
                       @Nullable Instant receivedAt, List<Student> students) {

    public static final int RECEIVER_MAX_LENGTH = 100;

    public boolean signed() {
        return signedAt != null;
    }

    public boolean received() {
        return receivedAt != null;
    }
}
