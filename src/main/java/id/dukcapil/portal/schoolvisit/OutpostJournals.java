package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.schoolvisit.OutpostBundle.JournalEntry;
import id.dukcapil.portal.schoolvisit.internal.CheckoutEntity;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The outpost's own log joined into the Dinas's (issue 53, decision 199): each entry since the visit was taken becomes
 * an entry of the Dinas's chain, with the time, officer, action and hash it had on the outpost, in the outpost's
 * order. The bundle's signature covers them; a gap in the outpost's positions (entries removed on the laptop, or left
 * there past the journal's limit), a journal without the take, and a chain the outpost or the Dinas found broken are
 * themselves recorded, as failures, for the auditor.
 */
@Component
class OutpostJournals {

    static final String TAKEN = "outpost.visit.taken";

    private final AuditLog auditLog;

    OutpostJournals(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /**
     * Joins the bundle's journal into the Dinas's log, within the check-in's ending; once per checkout. Each entry's
     * link to the one before (its {@code prevHash}, the hash the outpost's chain gave the entry before) is checked
     * here; the outpost checked each hash against its content under its own chain key, and says where it found its
     * chain broken and how many entries the journal's limit left on the laptop.
     */
    void join(CheckoutEntity checkout, OutpostBundle bundle) {
        List<JournalEntry> journal = bundle.journal();
        String subject = String.valueOf(checkout.id());
        List<String> missing = new ArrayList<>();
        String visit = "SchoolVisit:" + checkout.visitId();
        if (journal.stream().noneMatch(entry -> TAKEN.equals(entry.action()) && visit.equals(entry.subject()))) {
            missing.add("the take of " + visit);
        }
        long expected = journal.isEmpty() ? 0 : journal.getFirst().seq();
        @Nullable String lastHash = null;
        List<Long> unlinked = new ArrayList<>();
        for (JournalEntry entry : journal) {
            if (entry.seq() != expected) {
                missing.add(expected + "-" + (entry.seq() - 1));
            } else if (lastHash != null && !lastHash.equals(entry.prevHash())) {
                unlinked.add(entry.seq());
            }
            expected = entry.seq() + 1;
            lastHash = entry.hash();
            auditLog.record(new AuditRecord("schoolvisit.outpost.journal", "OutpostCheckout", subject,
                    Outcome.valueOf(entry.outcome()), "outpost=" + checkout.outpost() + "; seq=" + entry.seq()
                    + "; at=" + entry.at() + "; by=" + entry.actor() + "; action=" + entry.action()
                    + (entry.subject() == null ? "" : "; subject=" + entry.subject())
                    + (entry.hash() == null ? "" : "; hash=" + entry.hash())
                    + (entry.detail() == null ? "" : "; " + entry.detail())));
        }
        if (bundle.journalNotSent() > 0) {
            missing.add(bundle.journalNotSent() + " after " + (expected - 1) + ", left on the laptop");
        }
        if (!missing.isEmpty()) {
            auditLog.record(new AuditRecord("schoolvisit.outpost.journal-gap", "OutpostCheckout", subject,
                    Outcome.FAILURE, "outpost=" + checkout.outpost() + "; missing=" + String.join(", ", missing)));
        }
        boolean unhashed = journal.stream().anyMatch(entry -> entry.hash() == null);
        if (bundle.journalBrokenAt() != null || !unlinked.isEmpty() || unhashed) {
            auditLog.record(new AuditRecord("schoolvisit.outpost.journal-broken", "OutpostCheckout", subject,
                    Outcome.FAILURE, "outpost=" + checkout.outpost()
                    + (bundle.journalBrokenAt() == null ? "" : "; the outpost's own check: broken at "
                    + bundle.journalBrokenAt())
                    + (unlinked.isEmpty() ? "" : "; not linked to the entry before: " + unlinked)
                    + (unhashed ? "; entries without their hashes" : "")));
        }
        checkout.journalJoined(journal.size());
    }
}
