package id.dukcapil.portal.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP C for a whole day at one point: 300 residents through 2 registration and 3 recording desks, every branch of
 * the SOP — documents returned, already recorded, recorded, recording failed and sent back then recorded (a
 * technical failure among them), absent and brought back, priority visitors — then the register and the report say
 * what happened. And queue numbers from 16 desks at once: unique and gapless.
 */
@PortalTest
class RecordingDayTests {

    static final String POINT = "DINAS"; // where the test accounts work
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";

    @Autowired RegistrationDesk registration;
    @Autowired RecordingDesk recording;
    @Autowired RecordingDayReports reports;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_day_of_three_hundred_residents_through_every_branch_of_the_sop() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(301);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        List<String> registrars = List.of(account(Role.REGISTRATION_OPERATOR), account(Role.REGISTRATION_OPERATOR));
        List<String> recorders = List.of(account(Role.RECORDING_OPERATOR), account(Role.RECORDING_OPERATOR),
                account(Role.RECORDING_OPERATOR));
        List<String> niks = RecordingTestSupport.residentsToRecord(jdbc, day, 300);
        Map<String, Integer> expected = new TreeMap<>();

        for (int i = 0; i < niks.size(); i++) {
            String registrar = registrars.get(i % 2);
            String nik = niks.get(i);
            clock.advance(Duration.ofSeconds(30));
            Visit visit = SignedInAs.call(users, registrar, () -> registration.begin(nik, clock.instant()));
            if (i % 10 == 0) {
                SignedInAs.call(users, registrar, () -> registration.returnDocuments(visit.id(),
                        Set.of(Requirements.KK_COPY)));
                expected.merge("DOCUMENTS_RETURNED", 1, Integer::sum);
                continue;
            }
            Set<String> documents = Set.copyOf(SignedInAs.call(users, registrar, () -> registration.lookup(nik))
                    .documents());
            SignedInAs.call(users, registrar, () -> registration.documentsInOrder(visit.id(), documents, true));
            if (i % 10 == 1) {
                Visit explained = SignedInAs.call(users, registrar,
                        () -> registration.biometricCheck(visit.id(), true, null));
                assertThat(explained.explanation()).isNotBlank();
                expected.merge("ALREADY_RECORDED", 1, Integer::sum);
                continue;
            }
            Priority priority = i % 10 == 4 ? Priority.ELDERLY : null;
            SignedInAs.call(users, registrar, () -> registration.biometricCheck(visit.id(), false, priority));
        }

        int desk = 0;
        int called = 0;
        while (true) {
            String recorder = recorders.get(desk % 3);
            String deskName = "Meja " + (desk % 3 + 1);
            desk++;
            clock.advance(Duration.ofMinutes(2));
            Visit visit = SignedInAs.call(users, recorder, () -> recording.callNext(deskName)).orElse(null);
            if (visit == null) {
                break;
            }
            called++;
            int branch = niks.indexOf(visit.nik()) % 10;
            if (branch == 2 && !visit.requeued()) {
                boolean technical = niks.indexOf(visit.nik()) % 20 == 2;
                SignedInAs.call(users, recorder, () -> recording.failed(visit.id(),
                        technical ? "Pemindai iris tidak terbaca" : "Sidik jari tidak terekam", technical));
                String registrar = registrars.getFirst();
                assertThat(SignedInAs.call(users, registrar, registration::sentBack)).extracting(Visit::id)
                        .contains(visit.id());
                SignedInAs.call(users, registrar, () -> registration.requeue(visit.id()));
                continue;
            }
            if (branch == 3 && visit.state() == VisitState.CALLED && !absentOnce.contains(visit.id())) {
                absentOnce.add(visit.id());
                SignedInAs.call(users, recorder, () -> recording.absent(visit.id()));
                SignedInAs.call(users, recorder, () -> recording.bringBack(visit.id()));
                continue;
            }
            SignedInAs.call(users, recorder, () -> recording.recorded(visit.id()));
            SignedInAs.call(users, recorder, () -> recording.proofHanded(visit.id()));
            expected.merge("PROOF_HANDED", 1, Integer::sum);
        }

        Map<String, Integer> states = new TreeMap<>();
        jdbc.queryForList("SELECT state, COUNT(*) AS n FROM recording_visit WHERE service_point = ? AND day = ? GROUP BY state",
                POINT, day).forEach(row -> states.put((String) row.get("state"), ((Number) row.get("n")).intValue()));
        assertThat(states).isEqualTo(expected);
        assertThat(expected).containsEntry("DOCUMENTS_RETURNED", 30).containsEntry("ALREADY_RECORDED", 30)
                .containsEntry("PROOF_HANDED", 240);
        assertThat(called).as("240 recorded, 30 failures called again, 30 absences").isEqualTo(300);
        List<Integer> numbers = jdbc.queryForList("SELECT queue_number FROM recording_visit WHERE service_point = ? "
                + "AND day = ? AND queue_number IS NOT NULL ORDER BY queue_number", Integer.class, POINT, day);
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 240).boxed().toList());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE case_id LIKE 'C-%' AND day = ? "
                + "AND ended_at IS NULL", Integer.class, day)).as("every step of the day ended").isZero();

        TableReport report = SignedInAs.call(users, registrars.getFirst(),
                () -> reports.mine(day, PortalMessages.INDONESIAN, "registrasi/register-pdf"));
        assertThat(report.tables().getFirst().rows()).contains(List.of("Kunjungan", 300L),
                List.of("Dokumen dikembalikan", 30L), List.of("Sudah terekam", 30L),
                List.of("Diberi nomor antrean", 240L), List.of("Terekam", 240L), List.of("Perekaman gagal", 30L),
                List.of("Gagal karena kendala teknis", 15L));
        assertThat(report.tables().get(1).rows()).extracting(row -> row.getFirst())
                .containsExactly("Meja 1", "Meja 2", "Meja 3");
        assertThat(report.tables().get(4).rows()).hasSize(300);
        assertThat(report.people()).as("the register names each resident, whose download is recorded (decision 129)")
                .containsExactlyInAnyOrderElementsOf(niks);
        SignedInAs.call(users, "manajer", () -> reports.pdf(POINT, day, PortalMessages.INDONESIAN));
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT subject) FROM audit_personal_data_view WHERE kind = "
                + "'DOWNLOAD' AND screen = 'reports/perekaman-pdf' AND staff_id = 'manajer' AND viewed_at = ?",
                Long.class, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .as("the manager's summary of the day, downloaded with every resident it names").isEqualTo(300);
        List<Object> recordingStep = report.tables().get(2).rows().stream()
                .filter(row -> row.getFirst().toString().startsWith("3. ")).findFirst().orElseThrow();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE case_id LIKE 'C-%' AND day = ? "
                + "AND excused_reason LIKE 'technical failure:%'", Long.class, day))
                .as("every technical failure's step says so").isEqualTo(15L);
        // Step, count, median, p90, standard, within, excused, abandoned (decision 192).
        assertThat(recordingStep.get(6)).as("the overruns excused, counted apart").isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM sla_step WHERE case_id LIKE 'C-%' AND day = ? AND step = 'C3_RECORDING' "
                        + "AND within_standard = FALSE AND excused_reason IS NOT NULL", Long.class, day));
        assertThat(recordingStep.get(7)).as("the calls nobody came to, abandoned, counted apart").isEqualTo(
                jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE case_id LIKE 'C-%' AND day = ? "
                        + "AND step = 'C3_RECORDING' AND abandoned_reason IS NOT NULL", Long.class, day));
        assertThat(recordingStep.get(7)).as("the day's thirty calls that ended without a recording").isEqualTo(30L);
    }

    private final List<Long> absentOnce = new ArrayList<>();

    @Test
    void queue_numbers_from_sixteen_desks_at_once_are_unique_and_gapless() throws Exception {
        LocalDate day = LocalDate.now(OFFICE).plusDays(302);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        List<String> niks = RecordingTestSupport.residentsToRecord(jdbc, day, 64);
        List<String> desks = IntStream.range(0, 16).mapToObj(i -> account(Role.REGISTRATION_OPERATOR)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int d = 0; d < 16; d++) {
            int desk = d;
            runs.add(pool.submit(() -> {
                go.await();
                for (int i = desk; i < niks.size(); i += 16) {
                    String nik = niks.get(i);
                    SignedInAs.call(users, desks.get(desk), () -> RecordingTestSupport.queued(registration, nik));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        List<Integer> numbers = jdbc.queryForList("SELECT queue_number FROM recording_visit WHERE service_point = ? "
                + "AND day = ? ORDER BY queue_number", Integer.class, POINT, day);
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 64).boxed().toList());
    }

    @Test
    void nobody_is_recorded_through_a_representative_twice_in_a_day_or_without_the_documents() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(303);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        String registrar = account(Role.REGISTRATION_OPERATOR);
        String nik = RecordingTestSupport.residentsToRecord(jdbc, day, 1).getFirst();
        Visit visit = SignedInAs.call(users, registrar, () -> registration.begin(nik, clock.instant()));
        assertThatThrownBy(() -> SignedInAs.call(users, registrar, () -> registration.begin(nik, clock.instant())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("recording.error.open-visit");
        Set<String> all = Set.copyOf(SignedInAs.call(users, registrar, () -> registration.lookup(nik)).documents());
        assertThatThrownBy(() -> SignedInAs.call(users, registrar,
                () -> registration.documentsInOrder(visit.id(), all, false)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("recording.error.in-person");
        assertThatThrownBy(() -> SignedInAs.call(users, registrar,
                () -> registration.documentsInOrder(visit.id(), Set.of(), true)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("recording.error.documents-missing");
    }

    private String account(Role role) {
        return staffAccounts.create(Set.of(role), PASSWORD);
    }
}
