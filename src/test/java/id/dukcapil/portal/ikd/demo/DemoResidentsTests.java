package id.dukcapil.portal.ikd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.GeneratedResidents;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 52 item 10: the demo IKD app's "Warga contoh" handed any visitor a NIK with its family card number, the proof
 * the booking and IKD APIs ask for, from whatever the register held. It hands out only residents the portal generated
 * itself, told apart by making the demo's regency again from its recorded seed and day.
 */
@PortalTest
class DemoResidentsTests {

    @Autowired DemoResidents residents;
    @Autowired GeneratedResidents generated;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_sample_is_a_resident_the_demo_generated_with_the_card_of_the_family_it_generated_them_in() {
        DemoResidents.Sample sample = residents.sample().orElseThrow();

        assertThat(generated.generated(new Nik(sample.nik()), new KkNumber(sample.kkNumber()))).isTrue();
        assertThat(jdbc.queryForObject("""
                SELECT f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE r.nik = ?""", String.class, sample.nik())).isEqualTo(sample.kkNumber());
    }

    @Test
    void a_resident_loaded_from_elsewhere_or_a_generated_nik_with_another_card_is_not_the_demos() {
        Map<String, Object> member = jdbc.queryForMap("""
                SELECT r.nik, f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                ORDER BY r.id LIMIT 1""");
        Nik nik = new Nik((String) member.get("nik"));
        KkNumber kk = new KkNumber((String) member.get("kk_number"));
        String otherKk = jdbc.queryForObject("SELECT kk_number FROM population_family WHERE kk_number <> ? "
                + "ORDER BY id LIMIT 1", String.class, kk.value());

        assertThat(generated.generated(nik, kk)).isTrue();
        assertThat(generated.generated(nik, new KkNumber(otherKk))).as("the NIK with another family's card").isFalse();
        // As a SIAK extract would bring them: well-formed, in the regency, never made by the generator.
        assertThat(generated.generated(new Nik("3204015708900001"), kk)).isFalse();
    }

    @Test
    void a_register_the_portal_did_not_generate_gives_no_sample() {
        Map<String, Object> generation = jdbc.queryForMap("SELECT * FROM population_generation ORDER BY id DESC LIMIT 1");
        // As a demo whose register came from a SIAK extract: the residents are there, no generation made them.
        jdbc.update("DELETE FROM population_generation");
        try {
            assertThat(residents.sample()).isEmpty();
        } finally {
            jdbc.update("INSERT INTO population_generation (id, regency, seed, as_of, families, generated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", generation.get("id"), generation.get("regency"),
                    generation.get("seed"), generation.get("as_of"), generation.get("families"),
                    generation.get("generated_at"));
        }
        assertThat(residents.sample()).isPresent();
    }
}
