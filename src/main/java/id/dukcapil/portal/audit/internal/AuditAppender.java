package id.dukcapil.portal.audit.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends entries to the chain. The single chain-head row is locked for update, so concurrent appends,
 * from this node or another, take their positions one after the other.
 */
@Component
public class AuditAppender {

    /** An entry waiting for its transaction's commit. */
    public record Pending(Instant occurredAt, Actor actor, AuditRecord record) {
    }

    private final JdbcTemplate jdbc;
    private final AuditChainKey key;
    private final AnchorFile anchors;

    AuditAppender(JdbcTemplate jdbc, AuditChainKey key, AnchorFile anchors) {
        this.jdbc = jdbc;
        this.key = key;
        this.anchors = anchors;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void appendInCurrentTransaction(List<Pending> entries) {
        append(entries);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void appendInNewTransaction(List<Pending> entries) {
        append(entries);
    }

    private void append(List<Pending> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ChainHead head = jdbc.queryForObject("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                (rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)));
        if (!anchors.started()) {
            // Once per start: a chain already keyed whose anchors file is gone is worth a warning; an upgrade is not.
            boolean keyed = jdbc.queryForList("SELECT algorithm FROM audit_entry WHERE seq = ?", String.class,
                    head.lastSeq()).contains(AuditHash.HMAC_SHA256);
            anchors.startIfNew(head.lastSeq(), head.lastHash(), keyed);
        }
        long seq = head.lastSeq();
        String prevHash = head.lastHash();
        Mac mac = key.mac();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Pending entry : entries) {
            Object[] row = row(mac, key.id(), ++seq, prevHash, entry);
            rows.add(row);
            prevHash = (String) row[row.length - 1];
        }
        jdbc.batchUpdate("""
                INSERT INTO audit_entry (seq, occurred_at, actor_type, actor_id, actor_name, actor_roles,
                    service_point, action, subject_type, subject_id, outcome, detail, algorithm, key_id, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prevHash);
    }

    /** The row's column values, its hash last. */
    private static Object[] row(Mac mac, String keyId, long seq, String prevHash, Pending entry) {
        // The column keeps milliseconds: hash exactly what is stored.
        Instant at = entry.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        Actor actor = entry.actor();
        AuditRecord record = entry.record();
        // Every text is cut to its column (audit-001-log): an entry never fails on what someone typed, such as a
        // 200-character user name at the sign-in; the hash covers exactly what is stored.
        String roles = cut(actor.roles().isEmpty() ? null : String.join(",", new TreeSet<>(actor.roles())), 255);
        String detail = cut(record.detail(), AuditRecord.DETAIL_MAX_LENGTH);
        String actorId = cut(actor.id(), 60);
        String actorName = cut(actor.name(), 120);
        String servicePoint = cut(actor.servicePoint(), 20);
        String action = cut(record.action(), 60);
        String subjectType = cut(record.subjectType(), 40);
        String subjectId = cut(record.subjectId(), 60);
        String hash = AuditHash.mac(mac, prevHash, seq, at, actor.type().name(), actorId, actorName, roles,
                servicePoint, action, subjectType, subjectId, record.outcome().name(), detail);
        return new Object[] {seq, LocalDateTime.ofInstant(at, ZoneOffset.UTC), actor.type().name(), actorId,
                actorName, roles, servicePoint, action, subjectType, subjectId,
                record.outcome().name(), detail, AuditHash.HMAC_SHA256, keyId, prevHash, hash};
    }

    /**
     * The text as an auditor can read it, cut to its column: a control or format character (a right-to-left override
     * that shows "gpj.exe" as "exe.jpg", a zero-width space between two look-alike names) is written as its code
     * point, {@code ⟨U+202E⟩}. Line breaks and tabs stay.
     */
    private static @Nullable String cut(@Nullable String text, int max) {
        if (text == null) {
            return null;
        }
        String visible = visible(text);
        return visible.length() <= max ? visible : visible.substring(0, max - 1) + "…";
    }

    static String visible(String text) {
        if (text.codePoints().noneMatch(AuditAppender::hidden)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (hidden(c)) {
                shown.append("⟨U+").append("%04X".formatted(c)).append('⟩');
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return c != '\n' && c != '\t' && (type == Character.CONTROL || type == Character.FORMAT
                || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR);
    }

    private record ChainHead(long lastSeq, String lastHash) {
    }
}
