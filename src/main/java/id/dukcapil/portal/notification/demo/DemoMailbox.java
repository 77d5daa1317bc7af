package id.dukcapil.portal.notification.demo;

import id.dukcapil.portal.shared.jdbc.Slices;
import id.dukcapil.portal.notification.demo.DemoMail;
import id.dukcapil.portal.notification.demo.DemoMailboxStore;
import id.dukcapil.portal.notification.internal.MailTransport;
import id.dukcapil.portal.shared.Roles;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's stand-in for the recipients' inboxes: what the outbox sender handed to the demo mailbox,
 * so a demo user can read their OTP. Only active in the demo profile without {@code MAIL_HOST}.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class DemoMailbox {

    private final DemoMailboxStore store;
    private final boolean active;

    DemoMailbox(DemoMailboxStore store, MailTransport transport) {
        this.store = store;
        this.active = transport.demoMailbox();
    }

    /** Whether the outbox delivers here (and not to a mail server). */
    @PreAuthorize("permitAll()")
    public boolean active() {
        return active;
    }

    /**
     * In the order the grid asks (delivered, recipient), else newest first; {@code recipient} is any part of the
     * address, blank for all.
     */
    @Transactional(readOnly = true)
    public Slice<DemoMail> page(String recipient, Pageable page) {
        List<DemoMail> rows = store.page(recipient, page.getSort(), page.getOffset(), page.getPageSize() + 1);
        return Slices.of(rows, page);
    }

    /** A message's attachment as stored, to open or save; empty if the message or the attachment is not there. */
    @Transactional(readOnly = true)
    public Optional<DemoAttachmentContent> attachment(long mailId, int index) {
        return store.attachment(mailId, index);
    }

    @Transactional(readOnly = true)
    public Optional<DemoMail> latestTo(String recipient) {
        return store.page(recipient, Sort.unsorted(), 0, 1).stream().filter(mail -> mail.recipient().equalsIgnoreCase(recipient.strip()))
                .findFirst();
    }
}
