package id.dukcapil.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The family-card number: district, date of issue (no +40), serial. */
class KkNumberTest {

    private static final RegionDirectory KAB_BANDUNG = code -> code.startsWith("32.04.");

    @Test
    void a_valid_kk_number_gives_its_district_and_date_of_issue() {
        KkNumber kk = KkNumber.check("3204371503150007", KAB_BANDUNG).orThrow();

        assertThat(kk.districtCode()).isEqualTo("32.04.37");
        assertThat(kk.issuedOn(LocalDate.of(2026, 11, 21))).isEqualTo(LocalDate.of(2015, 3, 15));
    }

    @Test
    void a_kk_number_has_no_day_plus_forty() {
        assertThat(KkNumber.check("3204375503150007", KAB_BANDUNG).errors())
                .containsExactly(Finding.of("kk.day", "55"));
    }

    @Test
    void the_twenty_ninth_of_february_is_checked_against_leap_years() {
        assertThat(KkNumber.check("3204372902160001", KAB_BANDUNG).valid()).isTrue();
        assertThat(KkNumber.check("3204372902170001", KAB_BANDUNG).errors())
                .containsExactly(Finding.of("kk.date-not-real", "29-02-17"));
    }

    @Test
    void length_letters_month_and_serial_are_checked() {
        assertThat(KkNumber.check("320437150315007", KAB_BANDUNG).errors()).containsExactly(Finding.of("kk.length", 15));
        assertThat(KkNumber.check("3204371503l50007", KAB_BANDUNG).errors())
                .containsExactly(Finding.of("kk.not-digits", "l", 11));
        assertThat(KkNumber.check("3204371513150000", KAB_BANDUNG).errors())
                .containsExactly(Finding.of("kk.month", "13"), Finding.of("kk.serial-zero"));
    }

    @Test
    void a_district_not_in_todays_list_is_a_warning() {
        var check = KkNumber.check("3217011503150007", KAB_BANDUNG);

        assertThat(check.valid()).isTrue();
        assertThat(check.warnings()).containsExactly(Finding.of("kk.region-unknown", "32.17.01"));
    }

    @Test
    void a_composed_kk_number_encodes_its_date_of_issue() {
        assertThat(KkNumber.compose("320405", LocalDate.of(2019, 7, 4), 123).value()).isEqualTo("3204050407190123");
    }
}
