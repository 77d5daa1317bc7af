package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.schoolvisit.OutpostBundle.JournalEntry;
import id.dukcapil.portal.schoolvisit.internal.CheckoutEntity;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The outpost's own log joined into the Dinas's (issue 53, decision 199): each entry since the visit was taken becomes
 * an entry of the Dinas's chain, with the time, officer and action it had on the outpost, in the outpost's order. The
 * bundle's signature covers them; a gap in the outpost's positions (entries removed on the laptop) or a journal
 * without the take is itself recorded, as a failure, for the auditor.
 */
@Component
class OutpostJournals {

    static final String TAKEN = "outpost.visit.taken";

    private final AuditLog auditLog;

    OutpostJournals(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Joins the journal into the Dinas's log, within the check-in's ending; once per checkout. */
    void join(CheckoutEntity checkout, List<JournalEntry> journal) {
        String subject = String.valueOf(checkout.id());
        List<String> missing = new ArrayList<>();
        String visit = "SchoolVisit:" + checkout.visitId();
        if (journal.stream().noneMatch(entry -> TAKEN.equals(entry.action()) && visit.equals(entry.subject()))) {
            missing.add("the take of " + visit);
        }
        long expected = journal.isEmpty() ? 0 : journal.getFirst().seq();
        for (JournalEntry entry : journal) {
            if (entry.seq() != expected) {
                missing.add(expected + "-" + (entry.seq() - 1));
            }
            expected = entry.seq() + 1;
            auditLog.record(new AuditRecord("schoolvisit.outpost.journal", "OutpostCheckout", subject,
                    Outcome.valueOf(entry.outcome()), "outpost=" + checkout.outpost() + "; seq=" + entry.seq()
                    + "; at=" + entry.at() + "; by=" + entry.actor() + "; action=" + entry.action()
                    + (entry.subject() == null ? "" : "; subject=" + entry.subject())
                    + (entry.detail() == null ? "" : "; " + entry.detail())));
        }
        if (!missing.isEmpty()) {
            auditLog.record(new AuditRecord("schoolvisit.outpost.journal-gap", "OutpostCheckout", subject,
                    Outcome.FAILURE, "outpost=" + checkout.outpost() + "; missing=" + String.join(", ", missing)));
        }
        checkout.journalJoined(journal.size());
    }
}
