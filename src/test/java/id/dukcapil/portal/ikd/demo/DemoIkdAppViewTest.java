package id.dukcapil.portal.ikd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo IKD app (issue 41): it sends the KK number with the NIK, as the real app must; a wrong KK is refused as
 * the gateway refuses it, and holds nothing; the sample resident comes with their family card's number.
 */
class DemoIkdAppViewTest extends PortalViewTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void the_phone_registers_with_the_nik_and_its_kk_and_a_wrong_kk_holds_nothing() {
        DemoIkdAppView phone = navigate(DemoIkdAppView.class);
        test(find(com.vaadin.flow.component.button.Button.class).all().stream()
                .filter(button -> button.getText().equals("Warga contoh")).findFirst().orElseThrow()).click();
        String nik = phone.nik.getValue();
        String kk = phone.kkNumber.getValue();
        assertThat(kk).isEqualTo(jdbc.queryForObject("""
                SELECT f.kk_number FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE r.nik = ?""", String.class, nik));

        // The sample has no open registration; one an earlier test closed (expired, refused) may stay in the table.
        int before = registrationsOf(nik);

        phone.kkNumber.setValue(jdbc.queryForObject("SELECT kk_number FROM population_family WHERE kk_number <> ? "
                + "ORDER BY id LIMIT 1", String.class, kk));
        test(phone.register).click();
        assertThat(phone.status.getText()).startsWith("PERSON_NOT_CONFIRMED").contains("Kartu Keluarga");
        assertThat(registrationsOf(nik)).isEqualTo(before);

        phone.kkNumber.setValue(kk);
        test(phone.register).click();
        assertThat(phone.status.getText()).contains("Terdaftar");
        assertThat(registrationsOf(nik)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ikd_registration WHERE open_nik = ?", Integer.class, nik))
                .isOne();
    }

    private int registrationsOf(String nik) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ikd_registration WHERE nik = ?", Integer.class, nik);
    }
}
