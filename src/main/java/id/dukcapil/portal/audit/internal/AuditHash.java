package id.dukcapil.portal.audit.internal;

import id.dukcapil.portal.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/**
 * The link of an entry: over its content and the previous entry's hash, each field written with its length
 * first, so no two different entries hash the same text. Entries since the key (decision 075) carry an
 * HMAC-SHA256 under the chain key; older ones a plain SHA-256, which anyone can recompute.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);
    /** The algorithm column's values. */
    public static final String SHA256 = "SHA256";
    public static final String HMAC_SHA256 = "HMAC-SHA256";

    private AuditHash() {
    }

    /** Plain SHA-256: entries written before the chain had a key. */
    public static String of(String prevHash, long seq, Instant occurredAt, String actorType, String actorId,
                            @Nullable String actorName, @Nullable String actorRoles, @Nullable String servicePoint,
                            String action, @Nullable String subjectType, @Nullable String subjectId,
                            String outcome, @Nullable String detail) {
        return Sha256.hex(text(prevHash, seq, occurredAt, actorType, actorId, actorName, actorRoles, servicePoint,
                action, subjectType, subjectId, outcome, detail));
    }

    /** HMAC-SHA256 under the chain key. */
    public static String mac(Mac key, String prevHash, long seq, Instant occurredAt, String actorType, String actorId,
                             @Nullable String actorName, @Nullable String actorRoles, @Nullable String servicePoint,
                             String action, @Nullable String subjectType, @Nullable String subjectId,
                             String outcome, @Nullable String detail) {
        return HexFormat.of().formatHex(key.doFinal(text(prevHash, seq, occurredAt, actorType, actorId, actorName,
                actorRoles, servicePoint, action, subjectType, subjectId, outcome, detail)));
    }

    private static byte[] text(String prevHash, long seq, Instant occurredAt, String actorType, String actorId,
                               @Nullable String actorName, @Nullable String actorRoles, @Nullable String servicePoint,
                               String action, @Nullable String subjectType, @Nullable String subjectId,
                               String outcome, @Nullable String detail) {
        StringBuilder text = new StringBuilder(256);
        for (String field : new String[] {prevHash, Long.toString(seq), Long.toString(occurredAt.toEpochMilli()),
                actorType, actorId, actorName, actorRoles, servicePoint, action, subjectType, subjectId, outcome,
                detail}) {
            if (field == null) {
                text.append("-1:");
            } else {
                text.append(field.length()).append(':').append(field);
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
