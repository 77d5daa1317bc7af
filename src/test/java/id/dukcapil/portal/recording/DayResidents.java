package id.dukcapil.portal.recording;

import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Residents of their own in the test points' kecamatan (32.04.05, {@code StaffAccounts#servicePoint}), adults not
 * recorded, of a family made for them: no other test's resident is touched, and no other test takes them.
 */
public final class DayResidents {

    private static final AtomicInteger NEXT_FAMILY = new AtomicInteger((int) (System.nanoTime() % 900));

    private DayResidents() {
    }

    public static List<String> made(JdbcTemplate jdbc, LocalDate day, int count) {
        int run = NEXT_FAMILY.incrementAndGet();
        String kk = "320405311299" + (9_000 + run % 1_000);
        jdbc.update("INSERT INTO population_family (kk_number, street, rt, rw, village_code) VALUES (?, 'Jl. Pos Luring',"
                + " '001', '002', '32.04.05.2001')", kk);
        long family = jdbc.queryForObject("SELECT id FROM population_family WHERE kk_number = ?", Long.class, kk);
        List<String> niks = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            LocalDate born = day.minusYears(20).minusDays(run % 2_000 * 10L + n);
            String nik = Nik.compose("320405", born, Sex.MALE, 9_000 + run % 1_000).value();
            String name = "Warga Pos " + run + " " + n;
            jdbc.update("""
                    INSERT INTO population_resident (family_id, nik, full_name, name_key, birth_place, birth_date,
                      sex, religion, marital_status, relationship, education, occupation, enrolment_status)
                    VALUES (?, ?, ?, ?, 'Bandung', ?, 'MALE', 'ISLAM', 'MARRIED', 'HEAD', 'SENIOR_SECONDARY',
                      'Wiraswasta', 'NOT_RECORDED')""", family, nik, name, Resident.nameKey(name), born);
            niks.add(nik);
        }
        return niks;
    }
}
