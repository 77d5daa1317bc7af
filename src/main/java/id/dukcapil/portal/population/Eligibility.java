package id.dukcapil.portal.population;

import id.dukcapil.portal.shared.i18n.PortalMessages;
import java.time.LocalDate;
import java.time.Month;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every eligibility rule of the procedures, in one place: KTP-el recording (SOP C), printing (SOP A), the KK
 * print request (SOP B) and recording at school (SOP D). Pure functions of the data and the date asked about.
 */
public final class Eligibility {

    /** KTP-el recording is due from this age, or earlier on marriage. */
    public static final int KTP_AGE = 17;
    /** Students are recorded at school from this age; their card waits for the KTP age. */
    public static final int SCHOOL_RECORDING_AGE = 16;
    /** Who on a family card may ask for it to be printed (SOP B). */
    public static final Set<Relationship> KK_PRINT_REQUESTERS =
            EnumSet.of(Relationship.HEAD, Relationship.HUSBAND, Relationship.WIFE, Relationship.CHILD);

    private Eligibility() {
    }

    /**
     * The day someone turns {@code years}. A child of 29 February has it on 1 March in a common year: on
     * 28 February they have not yet lived the full years.
     */
    public static LocalDate birthday(LocalDate birthDate, int years) {
        LocalDate birthday = birthDate.plusYears(years);
        boolean leapDayMovedBack = birthDate.getMonth() == Month.FEBRUARY && birthDate.getDayOfMonth() == 29
                && birthday.getDayOfMonth() == 28;
        return leapDayMovedBack ? birthday.plusDays(1) : birthday;
    }

    /** Full years of age on a date. */
    public static int ageOn(LocalDate birthDate, LocalDate on) {
        int years = on.getYear() - birthDate.getYear();
        return birthday(birthDate, years).isAfter(on) ? years - 1 : years;
    }

    /** SOP C: recording is for those 17 or older on the date, or who are or have been married. */
    public static Verdict ktpRecording(LocalDate birthDate, MaritalStatus maritalStatus, LocalDate on) {
        LocalDate seventeenth = birthday(birthDate, KTP_AGE);
        if (maritalStatus.everMarried() || !seventeenth.isAfter(on)) {
            return Verdict.yes();
        }
        return Verdict.no("population.eligibility.recording.too-young", PortalMessages.DATE.format(seventeenth));
    }

    /** Printing needs a print-ready record; a duplicate record is never printed. */
    public static Verdict cardPrinting(EnrolmentStatus status) {
        return switch (status) {
            case PRINT_READY -> Verdict.yes();
            case DUPLICATE_RECORD -> Verdict.no("population.eligibility.print.duplicate");
            default -> Verdict.no("population.eligibility.print.not-ready." + status.name());
        };
    }

    /** SOP B: only the head, husband, wife or a child on that very family card may request its print. */
    public static Verdict kkPrintRequest(Resident requester, Family family) {
        if (!requester.familyId().equals(family.id())) {
            return Verdict.no("population.eligibility.kk-print.not-a-member", family.kkNumber().masked());
        }
        if (!KK_PRINT_REQUESTERS.contains(requester.relationship())) {
            return Verdict.no("population.eligibility.kk-print.relationship");
        }
        return Verdict.yes();
    }

    /** SOP D: a student is recorded at school when 16 or older on the visit date. */
    public static Verdict schoolRecording(LocalDate birthDate, LocalDate visitDate) {
        LocalDate sixteenth = birthday(birthDate, SCHOOL_RECORDING_AGE);
        if (sixteenth.isAfter(visitDate)) {
            return Verdict.no("population.eligibility.school.too-young", PortalMessages.DATE.format(sixteenth));
        }
        return Verdict.yes();
    }

    /** SOP D: the card recorded at school is printed on or after the 17th birthday, from a print-ready record. */
    public static Verdict schoolCardPrinting(LocalDate birthDate, EnrolmentStatus status, LocalDate printDate) {
        Verdict printable = cardPrinting(status);
        if (!printable.eligible()) {
            return printable;
        }
        LocalDate seventeenth = birthday(birthDate, KTP_AGE);
        if (seventeenth.isAfter(printDate)) {
            return Verdict.no("population.eligibility.school.print-before-17", PortalMessages.DATE.format(seventeenth));
        }
        return Verdict.yes();
    }
}
