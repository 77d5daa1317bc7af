package id.dukcapil.portal.outpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.outpost.internal.OutpostVault;
import id.dukcapil.portal.recording.DayResidents;
import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.recording.RecordingDesk;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.Requirements;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 53's kecamatan cut from the Dinas (decision 200), both sides over HTTP: the tests' context is the Dinas and an
 * outpost at once, the outpost reaching the Dinas through a link the test cuts. The point's registration operator
 * takes the day, the link goes for an hour of the test clock while both desks work on the outpost (numbers with the
 * outpost's prefix, calls on the board, a recording, a failure, an absence), and the day comes back once.
 */
@PortalTest
class OutpostDayNodeTests {

    private static final Locale INDONESIAN = Locale.of("id");
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";

    @Autowired DayTransfers transfers;
    @Autowired DayRegistration registration;
    @Autowired DayRecording recording;
    @Autowired OutpostLock lock;
    @Autowired OutpostVault vault;
    @Autowired RegistrationDesk dinasRegistration;
    @Autowired RecordingDesk dinasRecording;
    @Autowired id.dukcapil.portal.recording.RecordingDocuments documents;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;
    private DinasLink link;

    @BeforeEach
    void a_link_to_the_dinas() throws Exception {
        link = new DinasLink(port);
        // One outpost for the whole test JVM: work another test left out would hold it (one piece at a time).
        jdbc.update("UPDATE outpost_visit SET status = 'BACK' WHERE status <> 'BACK'");
        jdbc.update("UPDATE outpost_day SET status = 'BACK' WHERE status <> 'BACK'");
    }

    @AfterEach
    void real_time_again() {
        link.close();
        clock.reset();
    }

    @Test
    void a_kecamatans_day_runs_on_the_outpost_for_an_hour_without_the_dinas_and_comes_back_once() throws Exception {
        LocalDate day = LocalDate.now(OFFICE).plusDays(611);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        String point = staffAccounts.servicePoint();
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), PASSWORD, point);
        String recorder = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), PASSWORD, point);
        List<String> niks = DayResidents.made(jdbc, day, 6);
        jdbc.update("UPDATE population_resident SET enrolment_status = 'PRINT_READY' WHERE nik = ?", niks.get(5));
        // The morning's first resident served at the Dinas's desks (number 001, proof 1) before the link began to
        // fail; a day is taken with none of its visits open there.
        as(registrar, () -> RecordingTestSupport.queued(dinasRegistration, niks.get(0)));
        as(recorder, () -> dinasRecording.proofHanded(dinasRecording.recorded(dinasRecording.callNext("Meja 1")
                .orElseThrow().id()).id()));

        DayDesks.HeldDay taken = as(registrar, () -> transfers.take(link.dinas(), registrar, PASSWORD.toCharArray(),
                INDONESIAN));
        assertThat(taken.point()).isEqualTo(point);
        assertThat(taken.prefix()).isEqualTo("L");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outpost_day_resident WHERE checkout_id = ?",
                Integer.class, taken.checkoutId())).isEqualTo(taken.residents()).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outpost_day_resident WHERE checkout_id = ? AND"
                + " (sealed LIKE ? OR sealed LIKE ?)", Integer.class, taken.checkoutId(), "%" + niks.get(1) + "%",
                "%Warga Pos%")).as("sealed at rest").isZero();
        assertThat(jdbc.queryForObject("SELECT state FROM recording_checkout WHERE id = ?", String.class,
                taken.checkoutId())).isEqualTo("OUT");

        link.cut(); // the regional network is down from here on, for an hour of the clock
        DayDesks.Visit first = register(registrar, niks.get(1), null);
        DayDesks.Visit second = register(registrar, niks.get(2), Priority.ELDERLY);
        DayDesks.Visit third = register(registrar, niks.get(3), null);
        assertThat(List.of(first.ticket(), second.ticket(), third.ticket())).as("on from the Dinas's 001, gapless")
                .containsExactly("L-002", "L-003", "L-004");
        DayDesks.Visit returned = as(registrar, () -> {
            DayDesks.Visit begun = registration.begin(niks.get(4), clock.instant());
            return registration.returnDocuments(begun.key(), Set.of("KK_COPY"));
        });
        assertThat(returned.state()).isEqualTo(VisitState.DOCUMENTS_RETURNED);
        DayDesks.Visit known = as(registrar, () -> {
            DayDesks.Resident printed = registration.lookup(niks.get(5));
            assertThat(printed.explanation()).isNotBlank();
            DayDesks.Visit begun = registration.begin(niks.get(5), clock.instant());
            begun = registration.documentsInOrder(begun.key(), Set.copyOf(printed.documents()), true);
            return registration.biometricCheck(begun.key(), false, null, null);
        });
        assertThat(known.state()).as("recorded before: told so, no number").isEqualTo(VisitState.ALREADY_RECORDED);
        assertThatThrownBy(() -> as(registrar, () -> registration.lookup("3204051501909999")))
                .isInstanceOfSatisfying(RuleViolation.class, no -> assertThat(no.messageKeys())
                        .containsExactly("outpost.day.not-carried-resident"));

        later(10);
        DayDesks.Visit called = as(recorder, () -> recording.callNext("Meja 1").orElseThrow());
        assertThat(called.ticket()).as("a priority visitor first").isEqualTo("L-003");
        DayDesks.Visit recorded = as(recorder, () -> recording.recorded(called.key(), null));
        assertThat(recorded.proofNumber()).startsWith("BPR-" + point + "-" + day.getYear() + "-");
        // The proof printed at the desk without the Dinas: its number, and the address its QR gives for checking.
        String proof = pdfText(as(recorder, () -> recording.proof(called.key())));
        assertThat(proof).contains(recorded.proofNumber(), recorded.fullName());
        String proofAddress = proof.lines().filter(line -> line.contains("/bukti/")).findFirst().orElseThrow().strip();
        as(recorder, () -> recording.proofHanded(called.key()));
        assertThat(as(registrar, () -> registration.lookup(niks.get(2))).waitsForCentre())
                .as("recorded here: waits for the centre").isTrue();
        later(10);
        DayDesks.Visit failing = as(recorder, () -> recording.callNext("Meja 1").orElseThrow());
        assertThat(failing.ticket()).isEqualTo("L-002");
        as(recorder, () -> recording.failed(failing.key(), "Pemindai iris mati", true));
        as(registrar, () -> registration.requeue(failing.key()));
        later(10);
        DayDesks.Visit again = as(recorder, () -> recording.callNext("Meja 2").orElseThrow());
        assertThat(again.ticket()).as("sent back: called first").isEqualTo("L-002");
        as(recorder, () -> recording.recorded(again.key(), "pemindai dinyalakan ulang"));
        DayDesks.Visit nobody = as(recorder, () -> recording.callNext("Meja 1").orElseThrow());
        as(recorder, () -> recording.absent(nobody.key()));
        assertThat(as(recorder, () -> transfers.board(5))).extracting(DayDesks.Call::ticket)
                .containsExactly("L-002", "L-003");
        later(30);

        assertThatThrownBy(() -> as(registrar, () -> transfers.checkIn(registrar, PASSWORD.toCharArray(),
                INDONESIAN))).as("no link: nothing sent, nothing lost")
                .isInstanceOfSatisfying(RuleViolation.class, no -> assertThat(no.messageKeys())
                        .containsExactly("outpost.dinas.away"));
        int waiting = as(registrar, () -> transfers.current().orElseThrow()).waiting();
        assertThat(waiting).as("3 × 3 registered, 2 returned, 3 found recorded, 3 + 3 + 2 + 2 at the recording desk")
                .isEqualTo(24);
        link.restore();
        link.loseAnswers(true);
        assertThatThrownBy(() -> as(registrar, () -> transfers.checkIn(registrar, PASSWORD.toCharArray(),
                INDONESIAN))).as("the answer lost on the way back")
                .isInstanceOfSatisfying(RuleViolation.class, no -> assertThat(no.messageKeys())
                        .containsExactly("outpost.dinas.unknown"));
        assertThatThrownBy(() -> as(recorder, () -> recording.callNext("Meja 1")))
                .as("the bundle is fixed: no new step while it may have arrived").isInstanceOf(RuleViolation.class);
        link.loseAnswers(false);
        DayDesks.HeldDay back = as(registrar, () -> transfers.checkIn(registrar, PASSWORD.toCharArray(),
                INDONESIAN));

        assertThat(back.answer()).contains("already=" + waiting);
        // The outpost's own log since the take joined the Dinas's once, whole, its chain intact.
        int joined = jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'recording.outpost.journal'
                AND subject_type = 'RecordingCheckout' AND subject_id = ?""", Integer.class,
                String.valueOf(taken.checkoutId()));
        assertThat(joined).as("the take, each step, the refused send").isGreaterThanOrEqualTo(waiting + 1);
        assertThat(back.answer()).contains("log entries joined=" + joined);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action IN "
                + "('recording.outpost.journal-gap', 'recording.outpost.journal-broken') AND subject_id = ?",
                Integer.class, String.valueOf(taken.checkoutId()))).isZero();
        assertThat(jdbc.queryForObject("SELECT state FROM recording_checkout WHERE id = ?", String.class,
                taken.checkoutId())).isEqualTo("BACK");
        assertThat(jdbc.queryForList("""
                SELECT CONCAT(state, ' ', COALESCE(ticket, '-')) FROM recording_visit
                WHERE service_point = ? AND day = ? ORDER BY id""", String.class, point, day)).containsExactly(
                "PROOF_HANDED 001", "RECORDED L-002", "PROOF_HANDED L-003", "ABSENT L-004", "DOCUMENTS_RETURNED -",
                "ALREADY_RECORDED -");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_outpost_operation WHERE checkout_id = ?",
                Integer.class, taken.checkoutId())).isEqualTo(waiting);
        assertThat(jdbc.queryForList("SELECT enrolment_status FROM population_resident WHERE nik IN (?, ?)",
                String.class, niks.get(1), niks.get(2))).containsOnly("BIOMETRICS_CAPTURED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outpost_day_resident WHERE checkout_id = ?",
                Integer.class, taken.checkoutId())).as("the residents left the machine").isZero();
        // The proof printed offline checks at the Dinas's public page once the day is back: the same token.
        String token = proofAddress.substring(proofAddress.lastIndexOf('/') + 1);
        assertThat(documents.checked(token)).hasValueSatisfying(checked -> assertThat(checked.number())
                .isEqualTo(recorded.proofNumber()));
        assertThat(vault.locked()).isFalse();
        assertThatThrownBy(vault::key).as("and the key with them").isInstanceOf(RuleViolation.class);
        // The Dinas's desk of the point works again, numbering on after the outpost's last.
        String next = DayResidents.made(jdbc, day, 1).getFirst();
        assertThat(as(registrar, () -> RecordingTestSupport.queued(dinasRegistration, next)).ticket())
                .endsWith("005");
    }

    private DayDesks.Visit register(String registrar, String nik, Priority priority) {
        return as(registrar, () -> {
            DayDesks.Resident resident = registration.lookup(nik);
            assertThat(resident.documents()).contains(Requirements.KK_COPY);
            DayDesks.Visit begun = registration.begin(nik, clock.instant().minusSeconds(120));
            begun = registration.documentsInOrder(begun.key(), Set.copyOf(resident.documents()), true);
            later(1);
            return registration.biometricCheck(begun.key(), false, priority, null);
        });
    }

    private static String pdfText(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void later(int minutes) {
        clock.setInstant(clock.instant().plus(Duration.ofMinutes(minutes)));
    }

    private <T> T as(String username, Callable<T> work) {
        return SignedInAs.call(users, username, work);
    }
}
