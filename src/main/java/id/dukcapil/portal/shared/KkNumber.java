package id.dukcapil.portal.shared;

import java.time.LocalDate;

/**
 * The 16-digit number of a family card (Kartu Keluarga): {@code PP KK CC DDMMYY SSSS} — the district that
 * issued it, the date of issue and a serial. Always valid; {@link #check} says what is wrong with a typed-in one.
 */
public record KkNumber(String value) {

    public static final int LENGTH = IdNumberRules.LENGTH;

    public KkNumber {
        IdNumberRules.Checked checked = IdNumberRules.check(value, "kk", false, RegionDirectory.ANY);
        if (!checked.errors().isEmpty()) {
            throw new RuleViolation(checked.errors().getFirst().messageKey(), checked.errors().getFirst().argsArray());
        }
        value = checked.digits();
    }

    public static NumberCheck<KkNumber> check(String raw, RegionDirectory regions) {
        IdNumberRules.Checked checked = IdNumberRules.check(raw, "kk", false, regions);
        return new NumberCheck<>(checked.errors().isEmpty() ? new KkNumber(checked.digits()) : null,
                checked.errors(), checked.warnings());
    }

    public static KkNumber of(String raw) {
        return new KkNumber(raw);
    }

    /** @param districtDigits six digits, {@code 320437} */
    public static KkNumber compose(String districtDigits, LocalDate issuedOn, int serial) {
        return new KkNumber("%s%02d%02d%02d%04d".formatted(districtDigits, issuedOn.getDayOfMonth(),
                issuedOn.getMonthValue(), issuedOn.getYear() % 100, serial));
    }

    /** The issuing district, dotted: {@code 32.04.37}. */
    public String districtCode() {
        return IdNumberRules.dottedDistrict(value);
    }

    /** The date of issue, taking the century that puts it latest but not after {@code today}. */
    public LocalDate issuedOn(LocalDate today) {
        return IdNumberRules.dateOnOrBefore(Integer.parseInt(value.substring(6, 8)),
                Integer.parseInt(value.substring(8, 10)), Integer.parseInt(value.substring(10, 12)), today);
    }

    public String masked() {
        return IdNumberRules.masked(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
