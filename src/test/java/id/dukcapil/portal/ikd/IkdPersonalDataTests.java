package id.dukcapil.portal.ikd;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The IKD desk's services record who saw whose data where the data leaves them, whatever screen asked (issue 50):
 * a registration listed at the desk, once, and the day's report downloaded. A point and an officer of its own: the
 * demo officer's records are every other test's too, and the resident the app picks (the newest with a card and no
 * registration) may have been shown to that officer by a test before.
 */
@PortalTest
class IkdPersonalDataTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @LocalServerPort int port;
    @Autowired IkdDesk desk;
    @Autowired IkdDayReports reports;
    @Autowired UserDetailsService users;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired StaffAccounts staff;

    String point;
    String officer;

    @BeforeEach
    void a_point_of_its_own_with_an_officer() {
        point = staff.servicePoint();
        officer = staff.create(Set.of(Role.IKD_OFFICER), PortalTest.DEMO_PASSWORD, point);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_registration_listed_at_the_desk_is_recorded_once_and_the_days_report_with_everyone_it_names()
            throws Exception {
        LocalDate day = LocalDate.now(OFFICE).plusDays(217);
        clock.setInstant(day.atTime(9, 0).atZone(OFFICE).toInstant());
        String code = new IkdApp(port, jdbc).registered(point);
        String nik = jdbc.queryForObject("SELECT nik FROM ikd_registration WHERE code = ?", String.class, code);

        List<Registration> listed = SignedInAs.call(users, officer, () -> desk.listed(Set.of()));
        assertThat(listed).extracting(Registration::code).contains(code);
        SignedInAs.call(users, officer, () -> desk.listed(Set.of(code)));
        SignedInAs.call(users, officer, desk::waiting);
        buffer.flush();
        assertThat(accesses("VIEW", "ikd", nik)).as("listed once; the screen had it already then").isEqualTo(1);

        TableReport report = SignedInAs.call(users, officer,
                () -> reports.mine(day, PortalMessages.INDONESIAN, "ikd/laporan-xlsx"));
        assertThat(report.people()).contains(nik);
        assertThat(accesses("DOWNLOAD", "ikd/laporan-xlsx", nik)).isEqualTo(1);
    }

    private long accesses(String kind, String screen, String nik) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE staff_id = ? AND kind = ? "
                + "AND screen = ? AND subject = ?", Long.class, officer, kind, screen, nik);
    }
}
