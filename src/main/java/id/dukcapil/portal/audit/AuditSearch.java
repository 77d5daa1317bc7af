package id.dukcapil.portal.audit;

import id.dukcapil.portal.shared.jdbc.Slices;
import id.dukcapil.portal.audit.internal.AuditEntryReader;
import id.dukcapil.portal.shared.Roles;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the log, newest first. Pages are slices: the view never counts a million rows to draw one page.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.MANAGER + "')")
public class AuditSearch {

    private final AuditEntryReader reader;
    private final Clock clock;

    AuditSearch(AuditEntryReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Slice<AuditEntry> search(AuditFilter filter, Pageable page) {
        List<AuditEntry> rows = reader.page(filter, clock.getZone(), page.getOffset(), page.getPageSize() + 1,
                page.getSort());
        return Slices.of(rows, page);
    }

    /** Every matching entry, oldest first, without holding them all in memory. */
    @Transactional(readOnly = true)
    public void forEach(AuditFilter filter, Consumer<AuditEntry> consumer) {
        reader.forEach(filter, clock.getZone(), consumer);
    }
}
