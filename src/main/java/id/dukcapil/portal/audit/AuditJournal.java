package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.internal.AuditEntryReader;
import id.dukcapil.portal.shared.Roles;
import java.util.List;
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

    private final AuditEntryReader reader;

    AuditJournal(AuditEntryReader reader) {
        this.reader = reader;
    }

    /** The log's last position now: a journal taken later starts after it. */
    @Transactional(readOnly = true)
    public long head() {
        return reader.head().lastSeq();
    }

    /** The entries after a position, oldest first, at most {@code max}. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.ADMIN + "')")
    public List<AuditEntry> after(long seq, int max) {
        return reader.after(seq, max);
    }
}
