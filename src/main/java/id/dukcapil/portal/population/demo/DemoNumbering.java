package id.dukcapil.portal.population.demo;

import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import id.dukcapil.portal.shared.region.Region;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * Gives NIKs and KK numbers as the register does: a district of the regency, a date (birth, with the sex, for a NIK;
 * issue for a KK) and a serial unique for that district and date. Serials are handed out in order of asking, so the
 * numbers stay repeatable only while families are made in the same order.
 */
final class DemoNumbering {

    private static final int DAY_SLOTS = 12 * 31;

    private final List<String> districtDigits;
    private final int[] villageDistrict;
    /** Next NIK serial per district, two-digit year, day of the year and sex. */
    private final short[] nikSerials;
    /** Next KK serial per district and date of issue. */
    private final short[] kkSerials;

    /** @param villages the regency's villages, in the order the generator picks them by index */
    DemoNumbering(List<Region> villages) {
        this.districtDigits = List.copyOf(new TreeSet<>(villages.stream().map(DemoNumbering::districtOf).toList()));
        this.villageDistrict = villages.stream().mapToInt(village -> districtDigits.indexOf(districtOf(village)))
                .toArray();
        this.nikSerials = new short[districtDigits.size() * 100 * DAY_SLOTS * 2];
        this.kkSerials = new short[districtDigits.size() * 100 * DAY_SLOTS];
    }

    private static String districtOf(Region village) {
        return village.code().substring(0, 8).replace(".", "");
    }

    int districts() {
        return districtDigits.size();
    }

    /** The index of the village's district among {@link #districts()}. */
    int districtOfVillage(int villageIndex) {
        return villageDistrict[villageIndex];
    }

    /** The district's six digits, as in a NIK and in a service point's code. */
    String districtDigits(int district) {
        return districtDigits.get(district);
    }

    KkNumber kkNumber(int district, LocalDate issuedOn) {
        return KkNumber.compose(districtDigits.get(district), issuedOn,
                serial(kkSerials, (district * 100 + issuedOn.getYear() % 100) * DAY_SLOTS + dayIndex(issuedOn)));
    }

    Nik nik(int district, LocalDate birthDate, Sex sex) {
        int sexBit = sex == Sex.FEMALE ? 1 : 0;
        int slot = ((district * 100 + birthDate.getYear() % 100) * DAY_SLOTS + dayIndex(birthDate)) * 2 + sexBit;
        return Nik.compose(districtDigits.get(district), birthDate, sex, serial(nikSerials, slot));
    }

    private static int serial(short[] serials, int slot) {
        int serial = ++serials[slot];
        if (serial > 9999) {
            throw new IllegalStateException("More than 9999 serials for one district and date");
        }
        return serial;
    }

    private static int dayIndex(LocalDate date) {
        return (date.getMonthValue() - 1) * 31 + date.getDayOfMonth() - 1;
    }
}
