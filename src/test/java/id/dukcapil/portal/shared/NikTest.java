package id.dukcapil.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The NIK rules of SOP.md, one case each, with the message a desk officer would read. */
class NikTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    /** Today's list as far as these tests need it: the districts of Kabupaten Bandung. */
    private static final RegionDirectory KAB_BANDUNG = code -> code.startsWith("32.04.");

    @Test
    void a_valid_nik_of_a_man_gives_his_birth_date_sex_and_district() {
        NumberCheck<Nik> check = Nik.check("3204371205850001", KAB_BANDUNG);

        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).isEmpty();
        Nik nik = check.orThrow();
        assertThat(nik.sex()).isEqualTo(Sex.MALE);
        assertThat(nik.birthDate(TODAY)).isEqualTo(LocalDate.of(1985, 5, 12));
        assertThat(nik.districtCode()).isEqualTo("32.04.37");
        assertThat(nik.serial()).isEqualTo(1);
    }

    @Test
    void a_valid_nik_of_a_woman_has_forty_added_to_the_day() {
        Nik nik = Nik.check("3204375205850002", KAB_BANDUNG).orThrow();

        assertThat(nik.sex()).isEqualTo(Sex.FEMALE);
        assertThat(nik.birthMonthDay()).isEqualTo(MonthDay.of(5, 12));
        assertThat(nik.birthDate(TODAY)).isEqualTo(LocalDate.of(1985, 5, 12));
    }

    @Test
    void the_twenty_first_century_is_taken_when_the_date_is_not_in_the_future() {
        assertThat(Nik.of("3204370101100001").birthDate(TODAY)).isEqualTo(LocalDate.of(2010, 1, 1));
        assertThat(Nik.of("3204372012260001").birthDate(TODAY)).isEqualTo(LocalDate.of(1926, 12, 20));
    }

    @Test
    void the_twenty_ninth_of_february_of_a_leap_year_is_valid_for_men_and_women() {
        assertThat(Nik.check("3204372902080001", KAB_BANDUNG).valid()).isTrue();
        assertThat(Nik.check("3204376902080001", KAB_BANDUNG).orThrow().birthDate(TODAY))
                .isEqualTo(LocalDate.of(2008, 2, 29));
        assertThat(Nik.check("3204372902000001", KAB_BANDUNG).orThrow().birthDate(TODAY))
                .isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void the_twenty_ninth_of_february_of_a_common_year_is_refused() {
        assertErrors("3204372902090001", Finding.of("nik.date-not-real", "29-02-09"));
        assertErrors("3204376902090001", Finding.of("nik.date-not-real", "29-02-09"));
    }

    @Test
    void a_thirty_first_of_april_is_refused() {
        assertErrors("3204373104900001", Finding.of("nik.date-not-real", "31-04-90"));
    }

    @Test
    void day_00_is_refused() {
        assertErrors("3204370005850001", Finding.of("nik.day", "00"));
    }

    @Test
    void day_32_is_neither_a_man_nor_a_woman() {
        assertErrors("3204373205850001", Finding.of("nik.day", "32"));
    }

    @Test
    void day_72_is_beyond_a_womans_31st() {
        assertErrors("3204377205850001", Finding.of("nik.day", "72"));
    }

    @Test
    void day_40_is_a_woman_born_on_day_00() {
        assertErrors("3204374005850001", Finding.of("nik.day", "40"));
    }

    @Test
    void month_00_is_refused() {
        assertErrors("3204371200850001", Finding.of("nik.month", "00"));
    }

    @Test
    void month_13_is_refused() {
        assertErrors("3204371213850001", Finding.of("nik.month", "13"));
    }

    @Test
    void serial_0000_is_refused() {
        assertErrors("3204371205850000", Finding.of("nik.serial-zero"));
    }

    @Test
    void a_zero_region_is_refused() {
        assertErrors("3200371205850001", Finding.of("nik.region-zero", "32.00.37"));
        assertErrors("0004371205850001", Finding.of("nik.region-zero", "00.04.37"));
    }

    @Test
    void letters_are_refused_with_their_position() {
        assertErrors("32043712O5850001", Finding.of("nik.not-digits", "O", 9));
    }

    @Test
    void fifteen_digits_are_refused() {
        assertErrors("320437120585001", Finding.of("nik.length", 15));
    }

    @Test
    void seventeen_digits_are_refused() {
        assertErrors("32043712058500011", Finding.of("nik.length", 17));
    }

    @Test
    void an_empty_nik_is_refused() {
        assertErrors("  ", Finding.of("nik.required"));
    }

    @Test
    void spaces_that_group_the_digits_are_ignored() {
        assertThat(Nik.of("3204 3712 0585 0001").value()).isEqualTo("3204371205850001");
    }

    @Test
    void every_error_of_a_bad_nik_is_reported_not_only_the_first() {
        assertThat(Nik.check("3204370013850000", KAB_BANDUNG).errors()).containsExactly(
                Finding.of("nik.day", "00"), Finding.of("nik.month", "13"), Finding.of("nik.serial-zero"));
    }

    @Test
    void a_district_not_in_todays_list_is_a_warning_not_a_rejection() {
        NumberCheck<Nik> check = Nik.check("3299371205850001", KAB_BANDUNG);

        assertThat(check.valid()).isTrue();
        assertThat(check.warnings()).containsExactly(Finding.of("nik.region-unknown", "32.99.37"));
    }

    @Test
    void an_invalid_nik_cannot_be_created() {
        assertThatThrownBy(() -> Nik.of("3204371213850001"))
                .isInstanceOfSatisfying(RuleViolation.class, violation ->
                        assertThat(violation.messageKeys()).containsExactly("nik.month"));
    }

    @Test
    void checking_against_a_record_reports_each_disagreement() {
        Nik nik = Nik.of("3204375205850002");

        assertThat(nik.disagreementsWith(LocalDate.of(1985, 5, 12), Sex.FEMALE)).isEmpty();
        assertThat(nik.disagreementsWith(LocalDate.of(1985, 5, 21), Sex.MALE)).containsExactly(
                Finding.of("nik.disagrees.birth-date", "520585", "12-05-85", "21/05/1985"),
                Finding.of("nik.disagrees.sex-FEMALE", "52"));
    }

    @Test
    void a_composed_nik_encodes_the_persons_birth_date_and_sex() {
        Nik woman = Nik.compose("320437", LocalDate.of(2008, 2, 29), Sex.FEMALE, 17);

        assertThat(woman.value()).isEqualTo("3204376902080017");
        assertThat(woman.disagreementsWith(LocalDate.of(2008, 2, 29), Sex.FEMALE)).isEmpty();
    }

    @Test
    void the_masked_nik_shows_the_district_and_the_serial_only() {
        assertThat(Nik.of("3204375205850002").masked()).isEqualTo("320437******0002");
    }

    @Test
    void every_message_says_what_is_wrong_in_indonesian_and_english() {
        List<Finding> findings = List.of(Finding.of("nik.required"), Finding.of("nik.not-digits", "O", 9),
                Finding.of("nik.length", 15), Finding.of("nik.region-zero", "00.04.37"), Finding.of("nik.day", "72"),
                Finding.of("nik.month", "13"), Finding.of("nik.date-not-real", "29-02-09"),
                Finding.of("nik.serial-zero"), Finding.of("nik.region-unknown", "32.99.37"),
                Finding.of("nik.disagrees.birth-date", "520585", "12-05-85", "21/05/1985"),
                Finding.of("nik.disagrees.sex-FEMALE", "52"), Finding.of("nik.disagrees.sex-MALE", "12"));
        for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n/shared", locale);
            for (Finding finding : findings) {
                String text = MessageFormat.format(bundle.getString(finding.messageKey()), finding.argsArray());
                finding.args().forEach(arg -> assertThat(text).contains(String.valueOf(arg)));
            }
        }
        assertThat(ResourceBundle.getBundle("i18n/shared", Locale.ENGLISH).getString("nik.day"))
                .isNotEqualTo(ResourceBundle.getBundle("i18n/shared", Locale.ROOT).getString("nik.day"));
    }

    private static void assertErrors(String raw, Finding... expected) {
        NumberCheck<Nik> check = Nik.check(raw, KAB_BANDUNG);
        assertThat(check.valid()).isFalse();
        assertThat(check.errors()).containsExactly(expected);
    }
}
