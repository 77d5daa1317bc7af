package id.dukcapil.portal.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An outpost node's own audit log since it took its work, as it brings it back with the work's bundle and as the
 * Dinas joins it into its own (issue 53; decision 199 for a school visit, decision 200 for a recording point's day).
 * Its entries go inside the bundle's signed bytes ({@link #appendCanonical}); at the first check-in each becomes an
 * entry of the Dinas's chain ({@link #join}), and a gap in the outpost's positions, a journal without the take, and a
 * chain the outpost or the Dinas found broken are recorded as failures for the auditor.
 */
@Component
public class OutpostJournal {

    /** The most entries one bundle carries. */
    public static final int MAX = 5_000;
    /** An entry's actor, action and subject at most. */
    public static final int FIELD_MAX = 100;
    /** An audit chain's hash: SHA-256 or HMAC-SHA256, hex. */
    private static final String HASH = "[0-9a-f]{64}";

    private final AuditLog auditLog;

    OutpostJournal(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /**
     * An entry of the outpost's log, bounded as the Dinas's own log bounds it.
     *
     * @param seq      its position in the outpost's chain: the journal's entries follow each other without a gap
     * @param subject  {@code type:id}, if any
     * @param prevHash the hash of the entry before it in the outpost's chain (hex)
     * @param hash     its own hash there: the next entry's {@code prevHash}
     */
    public record Entry(@Min(1) long seq, @NotNull Instant at, @NotBlank @Size(max = FIELD_MAX) String actor,
                        @NotBlank @Size(max = FIELD_MAX) String action,
                        @Nullable @Size(max = FIELD_MAX) String subject,
                        @NotNull @Pattern(regexp = "SUCCESS|FAILURE|REFUSED") String outcome,
                        @Nullable @Size(max = AuditRecord.DETAIL_MAX_LENGTH) String detail,
                        @Nullable @Pattern(regexp = HASH) String prevHash,
                        @Nullable @Pattern(regexp = HASH) String hash) {

        /** An entry without its links. */
        public Entry(long seq, Instant at, String actor, String action, @Nullable String subject, String outcome,
                     @Nullable String detail) {
            this(seq, at, actor, action, subject, outcome, detail, null, null);
        }

        /**
         * An entry of this node's chain as a bundle carries it, within the API's bounds whatever the log holds: an
         * actor without a name (a sign-in tried with none) still an actor, long fields cut, so one entry never makes
         * the bundle refused.
         */
        public static Entry of(AuditJournal.Linked linked) {
            AuditEntry entry = linked.entry();
            String actor = entry.actorId() == null || entry.actorId().isBlank() ? "(" + entry.actorType() + ")"
                    : entry.actorId();
            String subject = entry.subjectType() == null ? null : entry.subjectType() + ":" + entry.subjectId();
            return new Entry(entry.seq(), entry.occurredAt(), cut(actor), cut(entry.action()),
                    subject == null ? null : cut(subject), entry.outcome().name(), entry.detail(), linked.prevHash(),
                    linked.hash());
        }

        private static String cut(String text) {
            return text.length() <= FIELD_MAX ? text : text.substring(0, FIELD_MAX);
        }
    }

    /**
     * Where a journal joins: the Dinas's action each entry is logged under (a gap under it with {@code -gap}, a
     * broken chain with {@code -broken}), the checkout it came with, the outpost, and the take that must open it.
     */
    public record Target(String journalAction, String subjectType, String subjectId, String outpost,
                         String takenAction, String takenSubject) {
    }

    /**
     * The journal's lines in a bundle's signed bytes: after the bundle's line, when the outpost found its chain broken
     * or cut, {@code journal-check|<brokenAt or empty>|<notSent>}, here {@code check}; the entries at the end,
     * {@code journal|seq|at|actor|action|subject|outcome|detail[|prevHash|hash]}, the free text escaped.
     */
    public static void appendCheck(StringBuilder text, @Nullable Long brokenAt, long notSent) {
        if (brokenAt != null || notSent > 0) {
            text.append("journal-check|").append(brokenAt == null ? "" : brokenAt).append('|').append(notSent)
                    .append('\n');
        }
    }

    /** The entries' lines, in order (see {@link #appendCheck}). */
    public static void appendCanonical(StringBuilder text, List<Entry> entries) {
        for (Entry entry : entries) {
            text.append("journal|").append(entry.seq()).append('|').append(entry.at()).append('|')
                    .append(escaped(entry.actor())).append('|').append(escaped(entry.action())).append('|')
                    .append(escaped(entry.subject())).append('|').append(escaped(entry.outcome())).append('|')
                    .append(escaped(entry.detail()));
            if (entry.hash() != null || entry.prevHash() != null) {
                text.append('|').append(escaped(entry.prevHash())).append('|').append(escaped(entry.hash()));
            }
            text.append('\n');
        }
    }

    /**
     * Free text in a bundle's canonical form: its separators and line breaks escaped, none as "\0" (which no escaped
     * text can read as: a backslash of the text is written twice), so no two texts read alike.
     */
    public static String escaped(@Nullable String text) {
        return text == null ? "\\0" : text.replace("\\", "\\\\").replace("|", "\\p").replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    /**
     * Joins the journal into the Dinas's log, within the check-in's ending; once per checkout. Each entry's link to the
     * one before is checked here; the outpost checked each hash against its content under its own chain key, and says
     * where it found its chain broken ({@code brokenAt}) and how many entries the limit left on it ({@code notSent}).
     *
     * @return the entries joined
     */
    public int join(Target target, List<Entry> journal, @Nullable Long brokenAt, long notSent) {
        List<String> missing = new ArrayList<>();
        if (journal.stream().noneMatch(entry -> target.takenAction().equals(entry.action())
                && target.takenSubject().equals(entry.subject()))) {
            missing.add("the take of " + target.takenSubject());
        }
        long expected = journal.isEmpty() ? 0 : journal.getFirst().seq();
        @Nullable String lastHash = null;
        List<Long> unlinked = new ArrayList<>();
        for (Entry entry : journal) {
            if (entry.seq() != expected) {
                missing.add(expected + "-" + (entry.seq() - 1));
            } else if (lastHash != null && !lastHash.equals(entry.prevHash())) {
                unlinked.add(entry.seq());
            }
            expected = entry.seq() + 1;
            lastHash = entry.hash();
            auditLog.record(new AuditRecord(target.journalAction(), target.subjectType(),
                    target.subjectId(), Outcome.valueOf(entry.outcome()), "outpost=" + target.outpost() + "; seq="
                    + entry.seq() + "; at=" + entry.at() + "; by=" + entry.actor() + "; action=" + entry.action()
                    + (entry.subject() == null ? "" : "; subject=" + entry.subject())
                    + (entry.hash() == null ? "" : "; hash=" + entry.hash())
                    + (entry.detail() == null ? "" : "; " + entry.detail())));
        }
        if (notSent > 0) {
            missing.add(notSent + " after " + (expected - 1) + ", left on the laptop");
        }
        if (!missing.isEmpty()) {
            auditLog.record(new AuditRecord(target.journalAction() + "-gap", target.subjectType(),
                    target.subjectId(), Outcome.FAILURE, "outpost=" + target.outpost() + "; missing="
                    + String.join(", ", missing)));
        }
        boolean unhashed = journal.stream().anyMatch(entry -> entry.hash() == null);
        if (brokenAt != null || !unlinked.isEmpty() || unhashed) {
            auditLog.record(new AuditRecord(target.journalAction() + "-broken", target.subjectType(),
                    target.subjectId(), Outcome.FAILURE, "outpost=" + target.outpost()
                    + (brokenAt == null ? "" : "; the outpost's own check: broken at " + brokenAt)
                    + (unlinked.isEmpty() ? "" : "; not linked to the entry before: " + unlinked)
                    + (unhashed ? "; entries without their hashes" : "")));
        }
        return journal.size();
    }
}
