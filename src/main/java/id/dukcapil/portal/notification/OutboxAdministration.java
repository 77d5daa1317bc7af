package id.dukcapil.portal.notification;

import id.dukcapil.portal.shared.jdbc.Slices;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.notification.internal.OutboxQueue;
import id.dukcapil.portal.notification.internal.OutboxSearch;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ADMIN's side of the outbox: what happened to each message; send a failed one again; send a test e-mail. */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class OutboxAdministration {

    private final OutboxSearch search;
    private final OutboxQueue queue;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;

    OutboxAdministration(OutboxSearch search, OutboxQueue queue, Outbox outbox, AuditLog auditLog, Clock clock) {
        this.search = search;
        this.queue = queue;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Newest first, or oldest first when the grid asks. */
    @Transactional(readOnly = true)
    public Slice<OutboxMessage> page(OutboxFilter filter, Pageable page) {
        List<OutboxMessage> rows = search.page(filter, page.getSort(), page.getOffset(), page.getPageSize() + 1);
        return Slices.of(rows, page);
    }

    /** A FAILED or UNCERTAIN message is due again at once, with the same Message-ID. */
    @Transactional
    public void sendAgain(long id) {
        OutboxMessage message = search.byId(id).orElseThrow(() -> new RuleViolation("notification.message.unknown", id));
        if (!message.state().resendable() || !queue.requeue(id, clock.instant())) {
            throw new RuleViolation("notification.resend.not-failed", id);
        }
        auditLog.record(AuditRecord.success("notification.message.resent", "OutboxMessage", String.valueOf(id))
                .withDetail(message.state() + " → PENDING, " + message.recipient() + ", " + message.messageId()));
    }

    /** Checks the mail settings end to end: a short message to the given address. */
    @Transactional
    public MessageRef sendTestMessage(String recipient, Locale locale) {
        MessageRef ref = outbox.enqueue(OutgoingMail.of(recipient, "test", locale, Map.of("recipient", recipient)));
        auditLog.record(AuditRecord.success("notification.test-message.queued", "OutboxMessage", String.valueOf(ref.id()))
                .withDetail(recipient));
        return ref;
    }
}
