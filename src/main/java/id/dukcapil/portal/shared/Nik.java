package id.dukcapil.portal.shared;

import id.dukcapil.portal.shared.i18n.PortalMessages;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * Nomor Induk Kependudukan, the 16-digit national identity number: {@code PP KK CC DDMMYY SSSS} — province,
 * regency, district where it was first issued, date of birth (40 added to the day for women), serial.
 * An instance is always valid; {@link #check} says what is wrong with a typed-in one.
 */
public record Nik(String value) {

    public static final int LENGTH = IdNumberRules.LENGTH;

    public Nik {
        IdNumberRules.Checked checked = IdNumberRules.check(value, "nik", true, RegionDirectory.ANY);
        if (!checked.errors().isEmpty()) {
            throw new RuleViolation(checked.errors().getFirst().messageKey(), checked.errors().getFirst().argsArray());
        }
        value = checked.digits();
    }

    /** Every error and warning of a typed-in NIK; a region not in today's list is a warning only. */
    public static NumberCheck<Nik> check(String raw, RegionDirectory regions) {
        IdNumberRules.Checked checked = IdNumberRules.check(raw, "nik", true, regions);
        return new NumberCheck<>(checked.errors().isEmpty() ? new Nik(checked.digits()) : null, checked.errors(),
                checked.warnings());
    }

    /** A valid NIK, or a {@link RuleViolation} with the first error. */
    public static Nik of(String raw) {
        return new Nik(raw);
    }

    /**
     * The NIK of a person born in a district on a date, with a serial.
     *
     * @param districtDigits six digits, {@code 320437}
     */
    public static Nik compose(String districtDigits, LocalDate birthDate, Sex sex, int serial) {
        int day = birthDate.getDayOfMonth() + (sex == Sex.FEMALE ? IdNumberRules.FEMALE_DAY_OFFSET : 0);
        return new Nik("%s%02d%02d%02d%04d".formatted(districtDigits, day, birthDate.getMonthValue(),
                birthDate.getYear() % 100, serial));
    }

    public Sex sex() {
        return dayDigits() > IdNumberRules.FEMALE_DAY_OFFSET ? Sex.FEMALE : Sex.MALE;
    }

    public MonthDay birthMonthDay() {
        return MonthDay.of(Integer.parseInt(value.substring(8, 10)), calendarDay());
    }

    public int birthYearOfCentury() {
        return Integer.parseInt(value.substring(10, 12));
    }

    /** The birth date, taking the century that puts it latest but not after {@code today}. */
    public LocalDate birthDate(LocalDate today) {
        return IdNumberRules.dateOnOrBefore(calendarDay(), birthMonthDay().getMonthValue(), birthYearOfCentury(), today);
    }

    /** The district of first issue, dotted: {@code 32.04.37}. */
    public String districtCode() {
        return IdNumberRules.dottedDistrict(value);
    }

    public String regencyCode() {
        return districtCode().substring(0, 5);
    }

    public int serial() {
        return Integer.parseInt(value.substring(12));
    }

    /** What this NIK says that a person's record does not: birth date and sex, each reported. */
    public List<Finding> disagreementsWith(LocalDate birthDate, Sex sex) {
        List<Finding> disagreements = new ArrayList<>();
        if (birthDate.getDayOfMonth() != calendarDay() || birthDate.getMonthValue() != birthMonthDay().getMonthValue()
                || birthDate.getYear() % 100 != birthYearOfCentury()) {
            disagreements.add(Finding.of("nik.disagrees.birth-date", value.substring(6, 12),
                    "%02d-%02d-%02d".formatted(calendarDay(), birthMonthDay().getMonthValue(), birthYearOfCentury()),
                    PortalMessages.DATE.format(birthDate)));
        }
        if (sex != sex()) {
            // One key per case, so each language words the two sexes itself.
            disagreements.add(Finding.of("nik.disagrees.sex-" + sex().name(), value.substring(6, 8)));
        }
        return disagreements;
    }

    /** First six and last four digits: enough to recognise a person, not to use the number. */
    public String masked() {
        return IdNumberRules.masked(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private int dayDigits() {
        return Integer.parseInt(value.substring(6, 8));
    }

    private int calendarDay() {
        int day = dayDigits();
        return day > IdNumberRules.FEMALE_DAY_OFFSET ? day - IdNumberRules.FEMALE_DAY_OFFSET : day;
    }
}
