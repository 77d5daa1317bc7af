package id.dukcapil.portal.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded entry of the log, as read back.
 *
 * @param seq the entry's position in the chain (1, 2, 3, ...)
 */
public record AuditEntry(long seq, Instant occurredAt, Actor.Type actorType, String actorId,
                         @Nullable String actorName, @Nullable String actorRoles, @Nullable String servicePoint,
                         String action, @Nullable String subjectType, @Nullable String subjectId,
                         Outcome outcome, @Nullable String detail) {
}
