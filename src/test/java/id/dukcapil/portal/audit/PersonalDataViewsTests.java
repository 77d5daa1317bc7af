package id.dukcapil.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who looked at whom (decision 129): a view waits a second at most, a download is kept before the file goes. */
@PortalTest
@WithUserDetails("registrasi")
class PersonalDataViewsTests {

    @Autowired PersonalDataViews personalData;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired DataSource dataSource;

    @AfterEach
    void real_time_again() {
        clock.reset();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_download_is_kept_with_the_officer_the_file_the_subjects_the_time_and_the_address_before_it_returns() {
        Instant at = TestDays.at(TestDays.today(clock), "10:15:00.123");
        clock.setInstant(at);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7"); // as Tomcat gives it after a trusted proxy's X-Forwarded-For
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        String nik = someNumber();
        String kk = someNumber();

        personalData.downloaded("registrasi/register-pdf", PersonalData.nik(nik), PersonalData.kk(kk));

        // No flush: a download is written before the file's bytes go out.
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT kind, staff_id, staff_name, service_point, screen, subject_type, viewed_at, client_address
                FROM audit_personal_data_view WHERE subject IN (?, ?) ORDER BY subject_type DESC""", nik, kk);
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst()).containsEntry("kind", "DOWNLOAD").containsEntry("staff_id", "registrasi")
                .containsEntry("service_point", "UKL-320437").containsEntry("screen", "registrasi/register-pdf")
                .containsEntry("subject_type", "NIK").containsEntry("client_address", "203.0.113.7");
        assertThat(((Timestamp) rows.getFirst().get("viewed_at")).toLocalDateTime())
                .isEqualTo(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        assertThat(rows.getFirst().get("staff_name")).isNotNull();
        assertThat(rows.get(1)).containsEntry("subject_type", "KK");
    }

    @Test
    void a_view_is_written_within_the_second_without_the_desk_waiting_for_it() throws Exception {
        String nik = someNumber();

        personalData.viewed("registrasi", PersonalData.nik(nik));

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (count(nik) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(count(nik)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT kind FROM audit_personal_data_view WHERE subject = ?", String.class, nik))
                .isEqualTo("VIEW");
    }

    @Test
    void a_view_outside_a_request_is_kept_without_an_address() {
        String nik = someNumber();

        personalData.viewed("registrasi", PersonalData.nik(nik), PersonalData.nik(nik));
        buffer.flush();

        assertThat(count(nik)).as("the same subject twice on one screen is one view").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT client_address FROM audit_personal_data_view WHERE subject = ?",
                String.class, nik)).isNull();
    }

    @Test
    void views_and_downloads_never_wait_for_the_audit_chains_lock() throws Exception {
        String viewed = someNumber();
        String downloaded = someNumber();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // Another writer holds the chain's head, as every chained append does while it commits.
            other.createStatement().executeQuery("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE").close();
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    personalData.viewed("registrasi", PersonalData.nik(viewed));
                    buffer.flush();
                    personalData.downloaded("registrasi/register-pdf", PersonalData.nik(downloaded));
                });
            } finally {
                other.rollback();
            }
        }
        assertThat(count(viewed)).isEqualTo(1);
        assertThat(count(downloaded)).isEqualTo(1);
    }

    private long count(String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE subject = ?", Long.class, subject);
    }

    /** Sixteen digits no other test writes. */
    static String someNumber() {
        return "9" + String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
    }
}
