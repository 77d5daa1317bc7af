package id.dukcapil.portal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Residents for SOP C's tests: due for recording (17 or older), never at a recording desk before. */
public final class RecordingTestSupport {

    private RecordingTestSupport() {
    }

    /** The resident through the registration desk, in person with every document, not yet recorded: queued. */
    public static Visit queued(RegistrationDesk registration, String nik) {
        Visit visit = registration.begin(nik, true);
        registration.documentsInOrder(visit.id(), Set.copyOf(registration.lookup(nik).documents()));
        return registration.biometricCheck(visit.id(), false, null);
    }

    /** As many residents, 17 or older on the day, whose record a recording may move on, each not yet visited. */
    public static List<String> residentsToRecord(JdbcTemplate jdbc, LocalDate day, int count) {
        List<String> niks = jdbc.queryForList("""
                SELECT r.nik FROM population_resident r
                WHERE r.birth_date <= ? AND r.enrolment_status IN ('NOT_RECORDED', 'ENROLMENT_FAILED', 'PRINT_READY')
                AND NOT EXISTS (SELECT 1 FROM recording_visit v WHERE v.nik = r.nik)
                ORDER BY r.id LIMIT ?""", String.class, day.minusYears(17), count);
        assertThat(niks).hasSize(count);
        return niks;
    }
}
