package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.OutpostJournal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an outpost brings back of a recording point's day (issue 53, decision 200): every step its desks took, as an
 * operation with its own id, the visit it belongs to (made on the outpost) and the time it happened there. Signed
 * over {@link #canonical()} with the checkout's secret.
 */
public record OutpostDayBundle(long checkoutId, List<Operation> operations, List<OutpostJournal.Entry> journal,
                               @Nullable Long journalBrokenAt, long journalNotSent) {

    /** The most operations one bundle carries: a busy point's day (300 residents, a dozen steps each) several times. */
    public static final int OPERATIONS_MAX = 20_000;
    /** A text of an operation (a desk's name, a reason, a ticket, a proof number) at most. */
    public static final int TEXT_MAX = 300;

    public OutpostDayBundle {
        operations = List.copyOf(operations);
        journal = List.copyOf(journal);
    }

    /** A bundle without the outpost's log. */
    public OutpostDayBundle(long checkoutId, List<Operation> operations) {
        this(checkoutId, operations, List.of(), null, 0);
    }

    /** A desk's step, as {@link RegistrationDesk} and {@link RecordingDesk} take them. */
    public enum Step {
        /** The registration desk has the resident's documents: the visit begins ({@code nik}, {@code since}). */
        BEGUN,
        /** Left unfinished at the registration desk. */
        CLOSED_UNFINISHED,
        /** The documents not in order, returned ({@code text}: the reasons' codes, comma-separated). */
        DOCUMENTS_RETURNED,
        DOCUMENTS_IN_ORDER,
        /** Recorded before: told so ({@code text}: what the resident was told; {@code note}: a technical fault). */
        FOUND_RECORDED,
        /** A queue number given ({@code number}, {@code text} the ticket, {@code priority}, {@code note} a fault). */
        QUEUED,
        /** Called to a desk ({@code text}: the desk). */
        CALLED,
        /** Another desk's call served at this desk ({@code text}: the desk). */
        TAKEN_OVER,
        RECALLED,
        ABSENT,
        BROUGHT_BACK,
        /** Recorded ({@code number} the proof's number in the year, {@code text} as printed, {@code note} a fault). */
        RECORDED,
        /** The recording failed ({@code text}: why; {@code technical}). */
        FAILED,
        REQUEUED,
        PROOF_HANDED,
        /** Closed at the day's end, in the state it was left in. */
        CLOSED
    }

    /**
     * One step taken on the outpost.
     *
     * @param visitKey the visit as the outpost made it: every step of one resident's visit carries it
     * @param staff    the operator signed in on the outpost who took it
     * @param nik      the resident, for {@link Step#BEGUN}
     * @param since    when the resident came to the desk, for {@link Step#BEGUN}
     */
    public record Operation(UUID id, Step step, Instant at, String staff, UUID visitKey, @Nullable String nik,
                            @Nullable Instant since, @Nullable Integer number, @Nullable String text,
                            @Nullable String note, @Nullable Priority priority, boolean technical) {

        /** A step without more to say. */
        public static Operation of(Step step, Instant at, String staff, UUID visitKey) {
            return new Operation(UUID.randomUUID(), step, at, staff, visitKey, null, null, null, null, null, null,
                    false);
        }
    }

    /**
     * The token of the proof a recording on the outpost printed (its QR's address, {@code /bukti/<token>}): made from
     * the checkout's secret and the recording's operation, so the outpost prints it offline and the Dinas gives the
     * recorded visit the same one on arrival; before that, the public page knows no such proof.
     */
    public static String proofToken(String secretHex, UUID recordingOperation) {
        byte[] mac = java.util.HexFormat.of().parseHex(id.dukcapil.portal.shared.secret.BundleSignature.sign(
                ("proof-token|" + recordingOperation).getBytes(StandardCharsets.UTF_8), secretHex));
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(mac, 18));
    }

    /**
     * The bytes signed: one line for the bundle, the journal's check if any, one per operation in order, one per
     * journal entry ({@link OutpostJournal}), fields separated by '|' (free text escaped, none as "\0"), UTF-8. Written
     * by hand, so the outpost and the Dinas agree on them whatever their settings.
     */
    public byte[] canonical() {
        StringBuilder text = new StringBuilder("day-bundle|").append(checkoutId).append('\n');
        OutpostJournal.appendCheck(text, journalBrokenAt, journalNotSent);
        for (Operation operation : operations) {
            text.append(operation.id()).append('|').append(operation.step()).append('|').append(operation.at())
                    .append('|').append(escaped(operation.staff())).append('|').append(operation.visitKey())
                    .append('|').append(escaped(operation.nik())).append('|')
                    .append(escaped(operation.since() == null ? null : operation.since().toString())).append('|')
                    .append(escaped(operation.number() == null ? null : operation.number().toString())).append('|')
                    .append(escaped(operation.text())).append('|').append(escaped(operation.note())).append('|')
                    .append(escaped(operation.priority() == null ? null : operation.priority().name())).append('|')
                    .append(operation.technical()).append('\n');
        }
        OutpostJournal.appendCanonical(text, journal);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escaped(@Nullable String text) {
        return OutpostJournal.escaped(text);
    }
}
