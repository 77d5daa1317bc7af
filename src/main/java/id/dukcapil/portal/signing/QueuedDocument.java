package id.dukcapil.portal.signing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A document waiting in the signing queue.
 *
 * @param dueAt     when SOP B step 8's standard time runs out
 * @param lastError why the last attempt to sign it failed, if one did
 */
public record QueuedDocument(long id, String number, String kkNumber, String holderName, String sourceType,
                             String sourceId, Instant queuedAt, Instant dueAt, @Nullable String lastError) {

    public boolean overdue(Instant now) {
        return now.isAfter(dueAt);
    }
}
