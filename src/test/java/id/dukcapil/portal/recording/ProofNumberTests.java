package id.dukcapil.portal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.Together;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The proof of recording's number runs per point and year without gaps, whatever else the point's desks did in
 * between, and two recording desks at once never share one (issue 54).
 */
@PortalTest
class ProofNumberTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";

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
    void proofs_are_numbered_one_after_the_other_per_point_however_the_visits_between_them_ended() {
        LocalDate day = startDay(431);
        String first = staffAccounts.servicePoint();
        String second = staffAccounts.servicePoint();
        Desk a = desk(first);
        Desk b = desk(second);
        List<String> niks = RecordingTestSupport.residentsToRecord(jdbc, day, 6);

        String a1 = a.queueAndRecord(niks.get(0));
        String b1 = b.queueAndRecord(niks.get(1));
        // A visit at the first point that ends without a proof (the recording failed) takes no number.
        Visit failed = SignedInAs.call(users, a.registrar, () -> RecordingTestSupport.queued(registration, niks.get(2)));
        SignedInAs.run(users, a.recorder, () -> recording.failed(
                recording.callNext("Meja 1").orElseThrow().id(), "Sidik jari tidak terbaca", false));
        assertThat(SignedInAs.call(users, a.recorder, () -> recording.visit(failed.id())).proofNumber()).isNull();
        String a2 = a.queueAndRecord(niks.get(3));
        String b2 = b.queueAndRecord(niks.get(4));
        String a3 = a.queueAndRecord(niks.get(5));

        int year = day.getYear();
        assertThat(List.of(a1, a2, a3)).containsExactly(number(first, year, 1), number(first, year, 2),
                number(first, year, 3));
        assertThat(List.of(b1, b2)).containsExactly(number(second, year, 1), number(second, year, 2));
    }

    @Test
    void two_recording_desks_recording_at_once_take_the_next_two_numbers() throws Exception {
        LocalDate day = startDay(432);
        String point = staffAccounts.servicePoint();
        Desk desk = desk(point);
        String otherRecorder = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), PASSWORD, point);
        List<String> niks = RecordingTestSupport.residentsToRecord(jdbc, day, 2);
        SignedInAs.run(users, desk.registrar, () -> niks.forEach(nik -> RecordingTestSupport.queued(registration, nik)));
        long one = SignedInAs.call(users, desk.recorder, () -> recording.callNext("Meja 1").orElseThrow()).id();
        long two = SignedInAs.call(users, otherRecorder, () -> recording.callNext("Meja 2").orElseThrow()).id();

        List<Callable<String>> both = List.of(
                () -> SignedInAs.call(users, desk.recorder, () -> recording.recorded(one)).proofNumber(),
                () -> SignedInAs.call(users, otherRecorder, () -> recording.recorded(two)).proofNumber());
        List<String> numbers = Together.run(2, both);

        assertThat(numbers).containsExactlyInAnyOrder(number(point, day.getYear(), 1), number(point, day.getYear(), 2));
    }

    private static String number(String point, int year, int serial) {
        return "BPR-%s-%d-%06d".formatted(point, year, serial);
    }

    private Desk desk(String point) {
        return new Desk(staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), PASSWORD, point),
                staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), PASSWORD, point));
    }

    private LocalDate startDay(int daysAhead) {
        LocalDate day = LocalDate.now(OFFICE).plusDays(daysAhead);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        return day;
    }

    /** A point's registration desk and recording desk. */
    private final class Desk {

        final String registrar;
        final String recorder;

        Desk(String registrar, String recorder) {
            this.registrar = registrar;
            this.recorder = recorder;
        }

        /** The resident queued, called and recorded: the proof's number. */
        String queueAndRecord(String nik) {
            Visit queued = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik));
            return SignedInAs.call(users, recorder, () -> {
                Visit called = recording.callNext("Meja 1").orElseThrow();
                assertThat(called.id()).isEqualTo(queued.id());
                return recording.recorded(called.id()).proofNumber();
            });
        }
    }
}
