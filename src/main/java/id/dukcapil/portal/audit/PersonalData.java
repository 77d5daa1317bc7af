package id.dukcapil.portal.audit;

import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;

/**
 * Whose personal data a screen showed or a download held: a resident by NIK, or a family by KK number. The two are
 * kept apart because one sixteen-digit number can be both (a KK issued on the day someone of the district was born).
 *
 * @param number the sixteen digits, whole even where the screen showed them masked
 */
public record PersonalData(Kind kind, String number) {

    public enum Kind { NIK, KK }

    public PersonalData {
        number = number.replaceAll("\\s+", "");
    }

    public static PersonalData of(Nik nik) {
        return new PersonalData(Kind.NIK, nik.value());
    }

    public static PersonalData of(KkNumber kk) {
        return new PersonalData(Kind.KK, kk.value());
    }

    public static PersonalData nik(String nik) {
        return new PersonalData(Kind.NIK, nik);
    }

    public static PersonalData kk(String kk) {
        return new PersonalData(Kind.KK, kk);
    }
}
