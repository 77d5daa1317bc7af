package id.dukcapil.portal.staff;

import id.dukcapil.portal.audit.AuditChainAnchored;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.internal.StaffAccountRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The day's audit anchor goes to every active ADMIN with an e-mail address, in the anchor's own transaction: a
 * copy of the chain's head in mailboxes the database's writer does not control (decision 075).
 */
@Component
class AnchorMail {

    private static final Locale INDONESIAN = Locale.of("id");
    private static final Logger log = LoggerFactory.getLogger(AnchorMail.class);

    private final StaffAccountRepository accounts;
    private final Outbox outbox;
    private final Clock clock;

    AnchorMail(StaffAccountRepository accounts, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(AuditChainAnchored anchored) {
        String at = LocalDateTime.ofInstant(anchored.at(), clock.getZone()).withNano(0).toString().replace('T', ' ');
        List<String> admins = accounts.activeEmailsWithRole(Role.ADMIN);
        if (admins.isEmpty()) {
            log.warn("No active ADMIN has an e-mail address: the audit anchor {} is only in the anchors file",
                    anchored.anchor().text());
        }
        for (String admin : admins) {
            outbox.enqueue(OutgoingMail.of(admin, "audit-anchor", INDONESIAN, Map.of("seq", anchored.anchor().seq(),
                    "hash", anchored.anchor().hash(), "anchor", anchored.anchor().text(), "at", at)));
        }
    }
}
