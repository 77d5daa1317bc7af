package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.OutpostJournal;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an outpost brings back of a checked-out visit (issue 53): every change it made as an operation with its own
 * id and the time it happened on the outpost, and the blank cards it brings back. It is signed over
 * {@link #canonical()} with the checkout's secret.
 */
public record OutpostBundle(long checkoutId, int cardsBroughtBack, List<Operation> operations,
                            List<OutpostJournal.Entry> journal, @Nullable Long journalBrokenAt, long journalNotSent) {

    /** The most operations one bundle carries: a day's roster (2,000 students) several times over. */
    public static final int OPERATIONS_MAX = 10_000;
    /** A blank card's serial as written on it: letters, digits, '.', '/', '-'. */
    public static final String CARD_SERIAL_PATTERN = "[A-Za-z0-9./-]+";
    public static final int CARD_SERIAL_MAX_LENGTH = 40;

    /** The most entries of the outpost's log one bundle carries. */
    public static final int JOURNAL_MAX = OutpostJournal.MAX;
    /** A journal entry's actor, action and subject at most. */
    public static final int JOURNAL_FIELD_MAX = OutpostJournal.FIELD_MAX;

    public OutpostBundle {
        operations = List.copyOf(operations);
        journal = List.copyOf(journal);
    }

    /** A bundle whose journal the outpost found intact and sent whole. */
    public OutpostBundle(long checkoutId, int cardsBroughtBack, List<Operation> operations,
                         List<OutpostJournal.Entry> journal) {
        this(checkoutId, cardsBroughtBack, operations, journal, null, 0);
    }

    /** A bundle without the outpost's log. */
    public OutpostBundle(long checkoutId, int cardsBroughtBack, List<Operation> operations) {
        this(checkoutId, cardsBroughtBack, operations, List.of());
    }

    /** What the outpost did. */
    public enum Kind {
        /** Step 3 found the student recorded before: they wait for printing. */
        FOUND_RECORDED,
        /**
         * Steps 4 and 5: the registry differed from the birth certificate; what the certificate says written on the
         * outpost, the register corrected at the Dinas on arrival (it waits for the centre until then).
         */
        CORRECTED,
        /** Steps 3, 4 and 6: not recorded before, the registry agreed (or was corrected), recorded on the outpost. */
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
                            @Nullable String cardSerial, @Nullable Correction correction) {

        /** A step without a correction. */
        public Operation(UUID id, Kind kind, Instant happenedAt, String staff, @Nullable Long studentId,
                         @Nullable String cardSerial) {
            this(id, kind, happenedAt, staff, studentId, cardSerial, null);
        }
    }

    /**
     * Step 5 on the outpost: what the birth certificate says where the registry differs ({@code null} or blank: as
     * the registry has it), and the officer's note of why, as {@link BirthCertificate} and its note bound them.
     */
    public record Correction(@Nullable String fullName, @Nullable String birthPlace, @Nullable LocalDate birthDate,
                             @Nullable Sex sex, @Nullable String fatherName, @Nullable String motherName,
                             String note) {

        /** The certificate as the Dinas's desk takes it. */
        public BirthCertificate certificate() {
            return new BirthCertificate(blankless(fullName), blankless(birthPlace), birthDate, sex,
                    blankless(fatherName), blankless(motherName));
        }

        /**
         * Refused in words when the note is missing or long, a value longer than the register keeps, or nothing is
         * stated at all: what either side checks before a correction is kept or applied.
         */
        public Correction checked() {
            String why = note == null ? "" : note.strip();
            if (why.isEmpty() || why.length() > BirthCertificate.NOTE_MAX_LENGTH) {
                throw new RuleViolation("schoolvisit.error.correction-note", BirthCertificate.NOTE_MAX_LENGTH);
            }
            bounded(fullName, Resident.NAME_MAX_LENGTH);
            bounded(birthPlace, Resident.BIRTH_PLACE_MAX_LENGTH);
            bounded(fatherName, Resident.NAME_MAX_LENGTH);
            bounded(motherName, Resident.NAME_MAX_LENGTH);
            if (certificate().equals(BirthCertificate.none())) {
                throw new RuleViolation("schoolvisit.error.correction-none");
            }
            return this;
        }

        /** Its fields in the canonical form: escaped, none as "\0", separated by '|'. */
        public String canonical() {
            return String.join("|", escaped(fullName), escaped(birthPlace),
                    escaped(birthDate == null ? null : birthDate.toString()), escaped(sex == null ? null : sex.name()),
                    escaped(fatherName), escaped(motherName), escaped(note));
        }

        /** Read back from {@link #canonical()}: how an outpost keeps it, sealed. */
        public static Correction parse(String canonical) {
            String[] fields = canonical.split("\\|", -1);
            if (fields.length != 7) {
                throw new IllegalArgumentException("a correction has 7 fields, not " + fields.length);
            }
            String date = unescaped(fields[2]);
            String sex = unescaped(fields[3]);
            String note = unescaped(fields[6]);
            return new Correction(unescaped(fields[0]), unescaped(fields[1]),
                    date == null ? null : LocalDate.parse(date), sex == null ? null : Sex.valueOf(sex),
                    unescaped(fields[4]), unescaped(fields[5]), note == null ? "" : note);
        }

        private static void bounded(@Nullable String value, int max) {
            if (value != null && value.strip().length() > max) {
                throw new RuleViolation("schoolvisit.error.correction-too-long", max);
            }
        }

        private static @Nullable String blankless(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * The bytes signed: one line for the bundle, one per operation in order, one per journal entry, fields separated
     * by '|' (in the journal's free text escaped), UTF-8. Written by hand, not by a JSON writer, so that the outpost
     * and the Dinas agree on them whatever their settings.
     */
    public byte[] canonical() {
        StringBuilder text = new StringBuilder("bundle|").append(checkoutId).append('|').append(cardsBroughtBack)
                .append('\n');
        OutpostJournal.appendCheck(text, journalBrokenAt, journalNotSent);
        for (Operation operation : operations) {
            text.append(operation.id()).append('|').append(operation.kind()).append('|')
                    .append(operation.happenedAt()).append('|').append(operation.staff()).append('|')
                    .append(operation.studentId() == null ? "" : operation.studentId()).append('|')
                    .append(operation.cardSerial() == null ? "" : operation.cardSerial());
            if (operation.correction() != null) {
                text.append("|correction|").append(operation.correction().canonical());
            }
            text.append('\n');
        }
        OutpostJournal.appendCanonical(text, journal);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The other way: {@code null} for "\0". */
    private static @Nullable String unescaped(String text) {
        if (text.equals("\\0")) {
            return null;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                plain.append(c);
                continue;
            }
            char next = text.charAt(++i);
            plain.append(switch (next) {
                case 'p' -> '|';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return plain.toString();
    }

    private static String escaped(@Nullable String text) {
        return OutpostJournal.escaped(text);
    }
}
