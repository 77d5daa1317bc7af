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
        return registration.biometricCheck(checked(registration, nik).id(), false, null);
    }

    /** The resident through the registration desk's document check, in person with every document. */
    public static Visit checked(RegistrationDesk registration, String nik) {
        Applicant applicant = registration.lookup(nik);
        Visit visit = registration.begin(nik, applicant.at());
        return registration.documentsInOrder(visit.id(), Set.copyOf(applicant.documents()), true);
    }

    /**
     * As many residents, 17 or older on the day, not recorded as far as the register knows, not yet visited. The
     * demo population has fewer such residents than the suite's days of SOP C need: the rest are print-ready
     * residents without a printed card, taken from the end of the register, that the test makes "not recorded" (as
     * a local extract that has not seen their recording yet would show them).
     */
    public static List<String> residentsToRecord(JdbcTemplate jdbc, LocalDate day, int count) {
        List<String> niks = new java.util.ArrayList<>(jdbc.queryForList("""
                SELECT r.nik FROM population_resident r
                WHERE r.birth_date <= ? AND r.enrolment_status = 'NOT_RECORDED'
                AND NOT EXISTS (SELECT 1 FROM recording_visit v WHERE v.nik = r.nik)
                ORDER BY r.id LIMIT ?""", String.class, day.minusYears(17), count));
        if (niks.size() < count) {
            List<String> more = jdbc.queryForList("""
                    SELECT r.nik FROM population_resident r
                    WHERE r.birth_date <= ? AND r.enrolment_status = 'PRINT_READY' AND r.gone_on IS NULL
                    AND NOT EXISTS (SELECT 1 FROM recording_visit v WHERE v.nik = r.nik)
                    AND NOT EXISTS (SELECT 1 FROM population_card_print p WHERE p.resident_id = r.id)
                    ORDER BY r.id DESC LIMIT ?""", String.class, day.minusYears(17), count - niks.size());
            more.forEach(nik -> jdbc.update(
                    "UPDATE population_resident SET enrolment_status = 'NOT_RECORDED' WHERE nik = ?", nik));
            niks.addAll(more);
        }
        assertThat(niks).hasSize(count);
        return niks;
    }
}
