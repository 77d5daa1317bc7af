package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.internal.AuditChainKey;
import id.dukcapil.portal.audit.internal.AuditEntryReader;
import id.dukcapil.portal.audit.internal.AuditHash;
import id.dukcapil.portal.shared.Roles;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * This node's log from a position on, in its order: what an outpost node brings to the Dinas with its work, so that
 * what happened on the laptop joins the Dinas's log (issue 53, decision 199). The field team reads its own laptop's
 * entries; the office's search stays {@link AuditSearch}'s.
 */
@Service
public class AuditJournal {

    /** Who sends an outpost's work back with its journal: a field officer, a desk operator, the node's admin. */
    private static final String OUTPOST_STAFF = "hasAnyRole('" + Roles.FIELD_OFFICER + "','"
            + Roles.REGISTRATION_OPERATOR + "','" + Roles.RECORDING_OPERATOR + "','" + Roles.ADMIN + "')";

    private final AuditEntryReader reader;
    private final AuditChainKey key;

    AuditJournal(AuditEntryReader reader, AuditChainKey key) {
        this.reader = reader;
        this.key = key;
    }

    /**
     * An entry with its links as this node's chain stores them.
     *
     * @param prevHash the hash of the entry before it
     * @param hash     its own, over its content and {@code prevHash}
     */
    public record Linked(AuditEntry entry, String prevHash, String hash) {
    }

    /**
     * A stretch of the log, checked here as {@link AuditChainVerifier} checks the whole: each entry's hash against
     * its content under this node's chain key, each linked to the one before, from the entry it follows on.
     *
     * @param brokenAt the first position where the check failed; none when the stretch is intact
     * @param notTaken entries after the stretch that the limit left out
     */
    public record Stretch(List<Linked> entries, @Nullable Long brokenAt, long notTaken) {
    }

    /** The log's last position now: a journal taken later starts after it. */
    @Transactional(readOnly = true)
    public long head() {
        return reader.head().lastSeq();
    }

    /** The entries after a position, oldest first, at most {@code max}. */
    @Transactional(readOnly = true)
    @PreAuthorize(OUTPOST_STAFF)
    public List<AuditEntry> after(long seq, int max) {
        return reader.after(seq, max);
    }

    /** The entries after a position, oldest first, at most {@code max}, with their links, checked. */
    @Transactional(readOnly = true)
    @PreAuthorize(OUTPOST_STAFF)
    public Stretch stretchAfter(long seq, int max) {
        Mac mac = key.mac();
        List<Linked> entries = new ArrayList<>();
        Long[] brokenAt = {null};
        // The entry it follows on: its stored hash, as the first entry's link must name it (none: gone too).
        String[] last = {seq == 0 ? AuditHash.GENESIS : reader.hashAt(seq).orElse("")};
        reader.forEachLinkAfter(seq, max, rs -> {
            AuditEntry entry = AuditEntryReader.entry(rs);
            String prevHash = rs.getString("prev_hash");
            String hash = rs.getString("hash");
            // An outpost's chain is keyed from its first entry: a plain hash, which anyone can compute, is a rewrite.
            boolean keyed = AuditHash.HMAC_SHA256.equals(rs.getString("algorithm"))
                    && key.id().equals(rs.getString("key_id"));
            boolean intact = keyed && entry.seq() == seq + entries.size() + 1 && prevHash.equals(last[0])
                    && hash.equals(AuditChainVerifier.recomputed(mac, rs));
            if (!intact && brokenAt[0] == null) {
                brokenAt[0] = entry.seq();
            }
            entries.add(new Linked(entry, prevHash, hash));
            last[0] = hash;
        });
        // Only a stretch cut by its limit leaves entries out (one appended since, by another tablet, is not).
        long notTaken = entries.size() < max ? 0 : Math.max(0, reader.head().lastSeq() - seq - entries.size());
        return new Stretch(List.copyOf(entries), brokenAt[0], notTaken);
    }
}
