package id.dukcapil.portal.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules NIK and KK number share: 16 digits {@code PP KK CC DDMMYY SSSS} with a non-zero region, a real
 * calendar date and a serial from 0001. Every error is reported, each with exactly what is wrong.
 */
final class IdNumberRules {

    static final int LENGTH = 16;
    /** NIK: 40 is added to a woman's day of birth. */
    static final int FEMALE_DAY_OFFSET = 40;

    private IdNumberRules() {
    }

    /** Spaces people type to group the digits are not part of the number. */
    static String normalize(String raw) {
        return raw.replaceAll("\\s+", "");
    }

    /**
     * @param prefix            the message-key prefix, {@code nik} or {@code kk}
     * @param femaleDayOffset   whether days 41–71 (a woman's NIK) are valid
     */
    static Checked check(String raw, String prefix, boolean femaleDayOffset, RegionDirectory regions) {
        String digits = normalize(raw);
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        if (digits.isEmpty()) {
            errors.add(Finding.of(prefix + ".required"));
            return new Checked(digits, errors, warnings);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                errors.add(Finding.of(prefix + ".not-digits", String.valueOf(c), i + 1));
                break;
            }
        }
        if (digits.length() != LENGTH) {
            errors.add(Finding.of(prefix + ".length", digits.length()));
        }
        if (!errors.isEmpty()) {
            return new Checked(digits, errors, warnings);
        }
        String district = dottedDistrict(digits);
        if (digits.startsWith("00") || digits.startsWith("00", 2) || digits.startsWith("00", 4)) {
            errors.add(Finding.of(prefix + ".region-zero", district));
        }
        int day = Integer.parseInt(digits.substring(6, 8));
        int month = Integer.parseInt(digits.substring(8, 10));
        int yearOfCentury = Integer.parseInt(digits.substring(10, 12));
        int calendarDay = femaleDayOffset && day > FEMALE_DAY_OFFSET ? day - FEMALE_DAY_OFFSET : day;
        boolean dayInRange = calendarDay >= 1 && calendarDay <= 31;
        if (!dayInRange) {
            errors.add(Finding.of(prefix + ".day", digits.substring(6, 8)));
        }
        if (month < 1 || month > 12) {
            errors.add(Finding.of(prefix + ".month", digits.substring(8, 10)));
        }
        if (dayInRange && month >= 1 && month <= 12 && !isRealDate(yearOfCentury, month, calendarDay)) {
            errors.add(Finding.of(prefix + ".date-not-real", "%02d-%02d-%02d".formatted(calendarDay, month, yearOfCentury)));
        }
        if (digits.endsWith("0000")) {
            errors.add(Finding.of(prefix + ".serial-zero"));
        }
        if (errors.isEmpty() && !regions.knowsDistrict(district)) {
            warnings.add(Finding.of(prefix + ".region-unknown", district));
        }
        return new Checked(digits, errors, warnings);
    }

    /**
     * Two digits do not name the century. Everyone alive with a 00 year was born in 2000, a leap year, so the
     * 2000s calendar decides whether 29 February exists: it does exactly in years divisible by four.
     */
    static boolean isRealDate(int yearOfCentury, int month, int day) {
        try {
            LocalDate.of(2000 + yearOfCentury, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** {@code 3204370101900001} → {@code 32.04.37}. */
    static String dottedDistrict(String digits) {
        return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6);
    }

    /** The latest date with this day, month and two-digit year that is not after {@code today}. */
    static LocalDate dateOnOrBefore(int day, int month, int yearOfCentury, LocalDate today) {
        int century = today.getYear() / 100 * 100;
        int year = century + yearOfCentury;
        if (year > today.getYear() || LocalDate.of(year, month, day).isAfter(today)) {
            year -= 100;
        }
        return LocalDate.of(year, month, day);
    }

    /** First six and last four digits, the rest hidden. */
    static String masked(String digits) {
        return digits.substring(0, 6) + "******" + digits.substring(12);
    }

    record Checked(String digits, List<Finding> errors, List<Finding> warnings) {
    }
}
