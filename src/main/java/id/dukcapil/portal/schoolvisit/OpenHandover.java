package id.dukcapil.portal.schoolvisit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A handover record whose step 8 has not ended: waiting for the Kepala Dinas's signature, or signed and waiting for
 * the school's receipt.
 */
public record OpenHandover(long id, long schoolId, String schoolName, String number, int cards, Instant preparedAt,
                           @Nullable Instant signedAt) {

    public boolean signed() {
        return signedAt != null;
    }
}
