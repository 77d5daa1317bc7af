package id.dukcapil.portal.population.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import id.dukcapil.portal.shared.Nik;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** A desk officer looks residents up by NIK, KK number and name; a manager sees the numbers masked. */
@PortalTest
@WithUserDetails("operator")
class ResidentLookupViewTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired TestClock clock;
    ResidentLookupView view;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @BeforeEach
    void open_the_lookup() {
        view = navigate(ResidentLookupView.class);
    }

    @Test
    void an_operator_finds_a_resident_by_nik_with_the_family_statuses_and_printed_cards() {
        String nik = jdbc.queryForObject("""
                SELECT r.nik FROM population_resident r JOIN population_card_print c ON c.resident_id = r.id
                WHERE r.relationship = 'WIFE' ORDER BY r.id LIMIT 1""", String.class);
        String kk = jdbc.queryForObject("SELECT f.kk_number FROM population_family f JOIN population_resident r "
                + "ON r.family_id = f.id WHERE r.nik = ?", String.class, nik);
        Integer cards = jdbc.queryForObject("SELECT COUNT(*) FROM population_card_print c JOIN population_resident r "
                + "ON r.id = c.resident_id WHERE r.nik = ?", Integer.class, nik);

        search(nik);

        assertThat(view.familyPanel.isVisible()).isTrue();
        assertThat(view.familyTitle.getText()).contains(kk);
        assertThat(view.familyAddress.getText()).contains("RT ").contains("Kecamatan");
        var members = test(view.members);
        assertThat(members.size()).isGreaterThanOrEqualTo(2);
        assertThat(members.getCellText(0, 5)).isEqualTo("Kepala keluarga");
        assertThat(view.detailName.getText()).contains(nik);
        assertThat(test(view.cards).size()).isEqualTo(cards);
        assertThat(view.maskNote.isVisible()).isFalse();
        assertThat(fact("contact")).isNotNull();
    }

    @Test
    void a_kk_number_opens_the_family_card_with_the_head_first() {
        // Not also someone's NIK: a KK issued on a day someone of the district was born, with the same serial, is
        // both, and the NIK is tried first (the generated population has such pairs on some days).
        String kk = jdbc.queryForObject("""
                SELECT f.kk_number FROM population_family f
                WHERE NOT EXISTS (SELECT 1 FROM population_resident r WHERE r.nik = f.kk_number)
                ORDER BY f.id LIMIT 1""", String.class);

        search(kk);

        assertThat(view.familyTitle.getText()).contains(kk);
        assertThat(test(view.members).getCellText(0, 5)).isEqualTo("Kepala keluarga");
    }

    @Test
    void a_name_search_lists_residents_whose_name_starts_so_and_opens_their_family() {
        String name = jdbc.queryForObject("SELECT full_name FROM population_resident ORDER BY id DESC LIMIT 1", String.class);
        String prefix = name.substring(0, Math.min(name.length(), 6)).toLowerCase();

        search(prefix);

        var results = test(view.results);
        assertThat(view.results.isVisible()).isTrue();
        assertThat(results.size()).isPositive();
        assertThat(results.getCellText(0, 1).toLowerCase()).startsWith(prefix);
        assertThat(view.query.getHelperText()).as("how many it found, said (issue 54)")
                .matches("\\d+ penduduk ditemukan\\.|\\d+ penduduk pertama ditampilkan, ada lebih banyak: .*");
        results.clickRow(0);
        assertThat(view.familyPanel.isVisible()).isTrue();
        assertThat(view.detailName.getText()).contains(results.getCellText(0, 1));
    }

    @Test
    void a_name_nobody_has_is_said_so() {
        search("Zzqxw");
        test(view.results).size(); // the grid asks for its first page
        assertThat(view.query.getHelperText()).isEqualTo("Tidak ada penduduk yang namanya diawali “Zzqxw”.");
    }

    @Test
    void a_nik_one_digit_short_is_refused_saying_so() {
        search("320437120585001");

        assertThat(view.query.isInvalid()).isTrue();
        assertThat(view.query.getErrorMessage()).isEqualTo("NIK harus 16 angka, yang dimasukkan 15 angka.");
        assertThat(view.familyPanel.isVisible()).isFalse();
    }

    @Test
    void a_valid_number_that_nobody_has_is_reported_as_not_found() {
        search("3204370101010001");

        assertThat(view.query.getErrorMessage()).isEqualTo("Tidak ada penduduk atau KK dengan nomor 3204370101010001.");
    }

    @Test
    void two_letters_are_too_few_for_a_name_search() {
        search("as");

        assertThat(view.query.getErrorMessage()).isEqualTo("Ketik paling sedikit 3 huruf nama.");
        assertThat(view.results.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("manajer")
    void a_manager_sees_niks_and_kk_numbers_masked_and_no_contact_details() {
        String nik = jdbc.queryForObject("SELECT nik FROM population_resident WHERE relationship = 'HEAD' "
                + "ORDER BY id LIMIT 1", String.class);
        String kk = jdbc.queryForObject("SELECT f.kk_number FROM population_family f JOIN population_resident r "
                + "ON r.family_id = f.id WHERE r.nik = ?", String.class, nik);

        search(nik);

        assertThat(view.maskNote.isVisible()).isTrue();
        assertThat(view.familyTitle.getText()).doesNotContain(kk).contains(kk.substring(0, 6) + "******");
        assertThat(test(view.members).getCellText(0, 0)).isEqualTo(Nik.of(nik).masked());
        assertThat(view.detailName.getText()).doesNotContain(nik);
        assertThat(fact("contact")).isNull();
    }

    @Test
    void a_resident_looked_up_is_kept_as_seen_by_the_officer_on_this_screen_with_the_family_and_the_address() {
        Instant at = TestDays.at(TestDays.today(clock), "08:30:00.250");
        clock.setInstant(at);
        String nik = jdbc.queryForObject("SELECT nik FROM population_resident WHERE relationship = 'CHILD' "
                + "ORDER BY id DESC LIMIT 1", String.class);
        String kk = jdbc.queryForObject("SELECT f.kk_number FROM population_family f JOIN population_resident r "
                + "ON r.family_id = f.id WHERE r.nik = ?", String.class, nik);
        String head = jdbc.queryForObject("SELECT h.nik FROM population_resident h JOIN population_resident r "
                + "ON r.family_id = h.family_id WHERE r.nik = ? AND h.relationship = 'HEAD'", String.class, nik);

        search(nik);
        buffer.flush();

        Map<String, Object> seen = jdbc.queryForMap("""
                SELECT kind, staff_id, service_point, screen, client_address FROM audit_personal_data_view
                WHERE subject = ? AND subject_type = 'NIK' AND viewed_at = ?""", nik, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        assertThat(seen).containsEntry("kind", "VIEW").containsEntry("staff_id", "operator")
                .containsEntry("service_point", "DINAS").containsEntry("screen", "residents")
                .containsEntry("client_address", "127.0.0.1"); // the browserless request's address
        // The whole family card was on the screen: its number and every member.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE viewed_at = ? "
                + "AND ((subject = ? AND subject_type = 'KK') OR (subject = ? AND subject_type = 'NIK'))", Long.class,
                LocalDateTime.ofInstant(at, ZoneOffset.UTC), kk, head)).isEqualTo(2);
    }

    @Test
    @WithUserDetails("manajer")
    void a_manager_who_sees_the_nik_masked_is_still_kept_as_having_seen_that_resident() {
        Instant at = TestDays.at(TestDays.today(clock), "08:45:00.500");
        clock.setInstant(at);
        String nik = jdbc.queryForObject("SELECT nik FROM population_resident WHERE relationship = 'HEAD' "
                + "ORDER BY id DESC LIMIT 1", String.class);

        search(nik);
        buffer.flush();

        assertThat(jdbc.queryForObject("SELECT staff_id FROM audit_personal_data_view WHERE subject = ? "
                + "AND viewed_at = ?", String.class, nik, LocalDateTime.ofInstant(at, ZoneOffset.UTC))).isEqualTo("manajer");
    }

    private void search(String text) {
        test(view.query).setValue(text);
        test(view.search).click();
    }

    private Span fact(String id) {
        return find(Span.class, view.detailFacts).withId("fact-" + id).all().stream().findFirst().orElse(null);
    }
}
