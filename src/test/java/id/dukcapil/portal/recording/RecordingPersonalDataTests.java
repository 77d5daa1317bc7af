package id.dukcapil.portal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The recording desks' services record who saw whose data where the data leaves them, whatever screen asked
 * (issue 50): the family and the resident looked up, the number called, the proof printed, the day's register.
 */
@PortalTest
class RecordingPersonalDataTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @Autowired RegistrationDesk registration;
    @Autowired RecordingDesk recording;
    @Autowired RecordingDocuments papers;
    @Autowired RecordingDayReports reports;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void each_desk_records_what_it_hands_its_operator() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(433);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), "Sandi-Kuat-2026");
        String recorder = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), "Sandi-Kuat-2026");
        String nik = RecordingTestSupport.residentsToRecord(jdbc, day, 1).getFirst();
        String kk = jdbc.queryForObject("SELECT f.kk_number FROM population_family f JOIN population_resident r "
                + "ON r.family_id = f.id WHERE r.nik = ?", String.class, nik);

        SignedInAs.run(users, registrar, () -> registration.familyOf(kk));
        Visit queued = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik));
        buffer.flush();
        assertThat(accesses(registrar, "VIEW", "registrasi", "KK", kk)).as("the family listed").isEqualTo(1);
        assertThat(accesses(registrar, "VIEW", "registrasi", "NIK", nik)).as("listed, then looked up").isEqualTo(2);

        SignedInAs.call(users, recorder, () -> recording.callNext("Meja 1")).orElseThrow();
        buffer.flush();
        assertThat(accesses(recorder, "VIEW", "perekaman", "NIK", nik)).as("the number called").isEqualTo(1);
        Visit recorded = SignedInAs.call(users, recorder, () -> recording.recorded(queued.id()));
        SignedInAs.run(users, recorder, () -> papers.proof(recorded));
        assertThat(accesses(recorder, "DOWNLOAD", "perekaman/bukti-pdf", "NIK", nik)).isEqualTo(1);

        SignedInAs.run(users, registrar,
                () -> reports.mine(day, PortalMessages.INDONESIAN, "registrasi/register-xlsx"));
        assertThat(accesses(registrar, "DOWNLOAD", "registrasi/register-xlsx", "NIK", nik))
                .as("the day's register names the resident").isEqualTo(1);
    }

    private long accesses(String staff, String kind, String screen, String type, String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE staff_id = ? AND kind = ? "
                + "AND screen = ? AND subject_type = ? AND subject = ?", Long.class, staff, kind, screen, type,
                subject);
    }
}
