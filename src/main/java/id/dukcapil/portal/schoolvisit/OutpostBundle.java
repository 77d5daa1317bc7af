package id.dukcapil.portal.schoolvisit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an outpost brings back of a checked-out visit (issue 53): every change it made as an operation with its own
 * id and the time it happened on the outpost, and the blank cards it brings back. It is signed over
 * {@link #canonical()} with the checkout's secret.
 */
public record OutpostBundle(long checkoutId, int cardsBroughtBack, List<Operation> operations,
                            List<JournalEntry> journal) {

    /** The most operations one bundle carries: a day's roster (2,000 students) several times over. */
    public static final int OPERATIONS_MAX = 10_000;
    /** A blank card's serial as written on it: letters, digits, '.', '/', '-'. */
    public static final String CARD_SERIAL_PATTERN = "[A-Za-z0-9./-]+";
    public static final int CARD_SERIAL_MAX_LENGTH = 40;

    /** The most entries of the outpost's log one bundle carries. */
    public static final int JOURNAL_MAX = 5_000;
    /** A journal entry's actor, action and subject at most. */
    public static final int JOURNAL_FIELD_MAX = 100;

    public OutpostBundle {
        operations = List.copyOf(operations);
        journal = List.copyOf(journal);
    }

    /** A bundle without the outpost's log. */
    public OutpostBundle(long checkoutId, int cardsBroughtBack, List<Operation> operations) {
        this(checkoutId, cardsBroughtBack, operations, List.of());
    }

    /**
     * An entry of the outpost's own audit log since the visit was taken, joined into the Dinas's on check-in.
     *
     * @param seq     its position in the outpost's chain: the journal's entries follow each other without a gap
     * @param subject {@code type:id}, if any
     */
    public record JournalEntry(long seq, Instant at, String actor, String action, @Nullable String subject,
                               String outcome, @Nullable String detail) {
    }

    /** What the outpost did. */
    public enum Kind {
        /** Step 3 found the student recorded before: they wait for printing. */
        FOUND_RECORDED,
        /** Steps 3, 4 and 6: not recorded before, the registry agreed, recorded on the outpost. */
        RECORDED,
        /** Not at school on the day: nothing changes for the student, the visit's record keeps it. */
        ABSENT,
        /** Refused to be recorded: nothing changes for the student, the visit's record keeps it. */
        REFUSED,
        /** Step 7: a card printed for the student on a blank card of the visit's. */
        CARD_PRINTED,
        /** A blank card spoiled in the printer. */
        CARD_SPOILED
    }

    /**
     * One change made on the outpost.
     *
     * @param staff      the officer's account who made it (signed in on the outpost)
     * @param studentId  the student it is of; none for a spoiled card
     * @param cardSerial the blank card's serial for a card printed or spoiled, as written on it
     */
    public record Operation(UUID id, Kind kind, Instant happenedAt, String staff, @Nullable Long studentId,
                            @Nullable String cardSerial) {
    }

    /**
     * The bytes signed: one line for the bundle, one per operation in order, one per journal entry, fields separated
     * by '|' (in the journal's free text escaped), UTF-8. Written by hand, not by a JSON writer, so that the outpost
     * and the Dinas agree on them whatever their settings.
     */
    public byte[] canonical() {
        StringBuilder text = new StringBuilder("bundle|").append(checkoutId).append('|').append(cardsBroughtBack)
                .append('\n');
        for (Operation operation : operations) {
            text.append(operation.id()).append('|').append(operation.kind()).append('|')
                    .append(operation.happenedAt()).append('|').append(operation.staff()).append('|')
                    .append(operation.studentId() == null ? "" : operation.studentId()).append('|')
                    .append(operation.cardSerial() == null ? "" : operation.cardSerial()).append('\n');
        }
        for (JournalEntry entry : journal) {
            text.append("journal|").append(entry.seq()).append('|').append(entry.at()).append('|')
                    .append(escaped(entry.actor())).append('|').append(escaped(entry.action())).append('|')
                    .append(escaped(entry.subject())).append('|').append(escaped(entry.outcome())).append('|')
                    .append(escaped(entry.detail())).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A log's free text in the canonical form: its separators and line breaks escaped, so no two texts read alike. */
    private static String escaped(@Nullable String text) {
        // None is "\0", which no escaped text can read as: a backslash of the text is written twice.
        return text == null ? "\\0" : text.replace("\\", "\\\\").replace("|", "\\p").replace("\n", "\\n")
                .replace("\r", "\\r");
    }
}
