package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.population.Eligibility;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A student of a school's roster as SOP D follows them.
 *
 * @param fieldStep       where the field screen stands for a student of the visit not yet done, if begun
 * @param alreadyRecorded step 3's finding: recorded before the visit (straight onto the print list), or recorded at
 *                        it; {@code null} before the visit
 * @param endReason       why SOP D ended for the student without a card from it, if it did
 */
public record Student(long id, long schoolId, String nik, String fullName, LocalDate birthDate, String className,
                      StudentState state, @Nullable FieldStep fieldStep, @Nullable Boolean alreadyRecorded, boolean corrected,
                      @Nullable Long visitId, @Nullable Instant recordedAt, @Nullable Instant printedAt,
                      @Nullable Long handoverId, @Nullable EndReason endReason) {

    public static final int CLASS_MAX_LENGTH = 20;

    /** Whether the card can be printed on the day, by age: from the 17th birthday. */
    public boolean seventeenOn(LocalDate day) {
        return !seventeenth().isAfter(day);
    }

    public LocalDate seventeenth() {
        return Eligibility.birthday(birthDate, Eligibility.KTP_AGE);
    }
}
