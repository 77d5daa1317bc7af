package id.dukcapil.portal.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * SHA-256 of an entry's content and the previous entry's hash. Each field is written with its length
 * first, so no two different entries hash the same text.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String of(String prevHash, long seq, Instant occurredAt, String actorType, String actorId,
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
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
