package id.dukcapil.portal.recording.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.recording.RecordingDesk;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The waiting room's board (issue 38, item 3): every call said with its desk, whichever way a desk made it (the next
 * number, two desks at once, a recall, a number taken over at another desk), and the estimated wait, honest while
 * the day has too few recordings to go on.
 */
class QueueBoardViewTest extends PortalViewTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String POINT = "DINAS"; // where the test accounts work

    @Autowired RegistrationDesk registration;
    @Autowired RecordingDesk recording;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void every_call_is_said_with_its_desk_whatever_made_it_and_the_wait_is_estimated_once_the_day_has_enough() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(523);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), "Sandi-Kuat-2026");
        String deskOne = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), "Sandi-Kuat-2026");
        String deskTwo = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), "Sandi-Kuat-2026");
        List<String> niks = RecordingTestSupport.residentsToRecord(jdbc, day, 9);
        for (String nik : niks) {
            SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik));
        }

        QueueBoardView board = navigate("antrean/" + POINT, QueueBoardView.class);
        assertThat(board.number.getText()).isEqualTo("–");
        assertThat(board.waiting.getText()).isEqualTo("9 nomor menunggu");
        assertThat(board.estimate.getText()).contains("belum cukup data (0 dari 5");

        // Meja 1 records four numbers, six minutes each: still too few to say how long the rest will wait.
        for (int i = 0; i < 4; i++) {
            recordAt(deskOne, "Meja 1", Duration.ofMinutes(6));
        }
        board.refresh();
        assertThat(board.spokenLately).containsExactly("Nomor antrean 0 0 1, silakan ke Meja 1",
                "Nomor antrean 0 0 2, silakan ke Meja 1", "Nomor antrean 0 0 3, silakan ke Meja 1",
                "Nomor antrean 0 0 4, silakan ke Meja 1");
        assertThat(board.estimate.getText()).contains("belum cukup data (4 dari 5");

        recordAt(deskOne, "Meja 1", Duration.ofMinutes(6));
        board.refresh();
        assertThat(board.waiting.getText()).isEqualTo("4 nomor menunggu");
        assertThat(board.estimate.getText()).as("4 waiting, one desk at work, 6 minutes each")
                .isEqualTo("Perkiraan waktu tunggu nomor baru: ± 24 menit");

        // Two desks call within one refresh: both said, in the order they called.
        clock.advance(Duration.ofSeconds(20));
        Visit six = call(deskOne, "Meja 1");
        clock.advance(Duration.ofSeconds(5));
        Visit seven = call(deskTwo, "Meja 2");
        board.refresh();
        assertThat(board.spokenLately).endsWith("Nomor antrean 0 0 6, silakan ke Meja 1",
                "Nomor antrean 0 0 7, silakan ke Meja 2");
        assertThat(board.number.getText()).isEqualTo(seven.ticket());
        assertThat(board.desk.getText()).isEqualTo("silakan ke Meja 2");
        assertThat(board.estimate.getText()).as("2 waiting, two desks at work: one round")
                .isEqualTo("Perkiraan waktu tunggu nomor baru: ± 6 menit");

        // A recall says the number again at its desk.
        clock.advance(Duration.ofMinutes(1));
        SignedInAs.call(users, deskOne, () -> recording.recall(six.id()));
        board.refresh();
        assertThat(board.spokenLately).last().isEqualTo("Nomor antrean 0 0 6, silakan ke Meja 1");
        assertThat(board.number.getText()).isEqualTo(six.ticket());

        // Meja 1 closes: Meja 3 takes its number over, and the board sends the resident there.
        clock.advance(Duration.ofMinutes(1));
        SignedInAs.call(users, deskTwo, () -> recording.serve(six.id(), "Meja 3"));
        board.refresh();
        assertThat(board.spokenLately).last().isEqualTo("Nomor antrean 0 0 6, silakan ke Meja 3");
        assertThat(board.desk.getText()).isEqualTo("silakan ke Meja 3");
        int said = board.spokenLately.size();

        board.refresh();
        assertThat(board.spokenLately).as("nothing new: nothing said again").hasSize(said);
    }

    private void recordAt(String operator, String desk, Duration takes) {
        Visit called = call(operator, desk);
        clock.advance(takes);
        SignedInAs.call(users, operator, () -> recording.recorded(called.id()));
        clock.advance(Duration.ofSeconds(30));
    }

    private Visit call(String operator, String desk) {
        return SignedInAs.call(users, operator, () -> recording.callNext(desk).orElseThrow());
    }
}
