package id.dukcapil.portal.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.shared.web.PublicAddress;
import id.dukcapil.portal.shared.barcode.CodeReader;
import com.google.zxing.BarcodeFormat;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClockLog;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffAccounts;
import id.dukcapil.portal.staff.StaffNames;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import id.dukcapil.portal.shared.report.TableReport;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP C as an office lives it (issue 35): the registration desk goes by the population register, each step's clock
 * runs from when the step starts, a desk reopens on what it was serving, the day closes with every visit's outcome.
 */
@PortalTest
class RecordingWalkTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";

    @Autowired RegistrationDesk registration;
    @Autowired RecordingDesk recording;
    @Autowired RecordingDayReports reports;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired MessageSource messages;
    @Autowired DayClosing closing;
    @Autowired RecordingDocuments papers;
    @Autowired StaffNames staffNames;
    @Autowired ServicePoints servicePoints;
    @Autowired VisitRepository visits;
    @Autowired PopulationRegistry registry;
    @Autowired PdfRenderer renderer;
    @Autowired PublicAddress publicAddress;
    @Autowired id.dukcapil.portal.audit.PersonalDataViews personalData;
    @Autowired RecordingJobs jobs;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_registration_desk_goes_by_the_register_recorded_residents_are_explained_failed_enrolments_queued() {
        LocalDate day = startDay(411);
        String registrar = account(Role.REGISTRATION_OPERATOR);
        var niks = RecordingTestSupport.residentsToRecord(jdbc, day, 3);
        String captured = niks.get(0);
        String failed = niks.get(1);
        String capturedLater = niks.get(2);
        enrolment(captured, "BIOMETRICS_CAPTURED");
        enrolment(failed, "ENROLMENT_FAILED");

        // "Sudah rekam biometrik" in the register: no queue number, whatever the officer clicked.
        Visit explained = SignedInAs.call(users, registrar, () -> {
            assertThat(registration.lookup(captured).need()).isEqualTo(RecordingNeed.ALREADY_RECORDED);
            return RecordingTestSupport.queued(registration, captured);
        });
        assertThat(explained.state()).isEqualTo(VisitState.ALREADY_RECORDED);
        assertThat(explained.ticket()).isNull();
        assertThat(explained.explanation()).contains("tidak perlu rekam ulang");

        // Enrolment failed centrally ("perlu direkam ulang"): queued even if the iris check finds the resident.
        Visit again = SignedInAs.call(users, registrar, () -> {
            assertThat(registration.lookup(failed).need()).isEqualTo(RecordingNeed.RECORD_AGAIN);
            Visit begun = RecordingTestSupport.checked(registration, failed);
            return registration.biometricCheck(begun.id(), true, null);
        });
        assertThat(again.state()).isEqualTo(VisitState.QUEUED);
        assertThat(again.ticket()).isNotNull();

        // Recorded elsewhere after the number was given: the recording desk says so in words, no enum.
        Visit queued = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, capturedLater));
        enrolment(capturedLater, "BIOMETRICS_CAPTURED");
        String recorder = account(Role.RECORDING_OPERATOR);
        Visit called = SignedInAs.call(users, recorder, () -> {
            Visit next = recording.callNext("Meja 1").orElseThrow();
            return next.id() == queued.id() ? next : recording.callNext("Meja 1").orElseThrow();
        });
        assertThat(called.id()).isEqualTo(queued.id());
        assertThatThrownBy(() -> SignedInAs.call(users, recorder, () -> recording.recorded(called.id())))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    String text = messages.getMessage(violation.messageKeys().getFirst(), violation.args(),
                            PortalMessages.INDONESIAN);
                    assertThat(text).contains(queued.ticket()).doesNotContain("BIOMETRICS_CAPTURED")
                            .doesNotContain("recording.error");
                });
        assertThat(SignedInAs.call(users, recorder, () -> recording.visit(called.id())).state())
                .isEqualTo(VisitState.CALLED);
    }

    @Test
    void a_number_called_at_one_desk_is_listed_for_every_desk_and_served_by_another() {
        LocalDate day = startDay(412);
        String registrar = account(Role.REGISTRATION_OPERATOR);
        String first = account(Role.RECORDING_OPERATOR);
        String second = account(Role.RECORDING_OPERATOR);
        String nik = RecordingTestSupport.residentsToRecord(jdbc, day, 1).getFirst();
        Visit queued = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik));
        Visit called = SignedInAs.call(users, first, () -> recording.callNext("Meja 1")).orElseThrow();
        assertThat(called.id()).isEqualTo(queued.id());
        assertThat(SignedInAs.call(users, first, recording::serving)).map(Visit::id).contains(queued.id());
        assertThat(SignedInAs.call(users, second, recording::serving)).isEmpty();
        assertThat(SignedInAs.call(users, second, recording::called)).extracting(Visit::id).contains(queued.id());

        Visit served = SignedInAs.call(users, second, () -> recording.serve(queued.id(), "Meja 2"));
        assertThat(served.desk()).isEqualTo("Meja 2");
        assertThat(SignedInAs.call(users, second, recording::serving)).map(Visit::id).contains(queued.id());
        assertThat(SignedInAs.call(users, first, recording::serving)).isEmpty();
        SignedInAs.call(users, second, () -> recording.recorded(queued.id()));
        assertThat(SignedInAs.call(users, first, recording::called)).extracting(Visit::id)
                .doesNotContain(queued.id());
    }

    @Test
    void step_three_starts_at_the_call_and_the_waiting_room_is_its_own_figure() {
        LocalDate day = startDay(413);
        String registrar = account(Role.REGISTRATION_OPERATOR);
        String recorder = account(Role.RECORDING_OPERATOR);
        String nik = RecordingTestSupport.residentsToRecord(jdbc, day, 1).getFirst();
        Visit queued = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik));
        clock.advance(Duration.ofMinutes(40)); // the waiting room
        SignedInAs.call(users, recorder, () -> recording.callNext("Meja 1")).orElseThrow();
        clock.advance(Duration.ofMinutes(6)); // photo, signature, fingerprints, iris
        SignedInAs.call(users, recorder, () -> recording.recorded(queued.id()));

        Map<String, Object> step = jdbc.queryForMap("SELECT duration_ms, within_standard FROM sla_step "
                + "WHERE case_id = ? AND step = 'C3_RECORDING'", "C-" + queued.id());
        assertThat(((Number) step.get("duration_ms")).longValue()).as("the call to the recording")
                .isEqualTo(Duration.ofMinutes(6).toMillis());
        assertThat(step.get("within_standard")).isEqualTo(true);
        TableReport report = SignedInAs.call(users, registrar, () -> reports.mine(day, PortalMessages.INDONESIAN,
                "registrasi/register-pdf"));
        TableReport.Table waiting = report.tables().stream()
                .filter(table -> table.title().startsWith("Menunggu dipanggil")).findFirst().orElseThrow();
        assertThat(waiting.rows()).containsExactly(List.of("Panggilan", 1L),
                List.of("Rata-rata menunggu", Duration.ofMinutes(40)),
                List.of("Paling lama menunggu", Duration.ofMinutes(40)));
    }

    @Test
    void step_one_runs_from_the_lookup_to_the_documents_in_hand_and_a_return_is_step_two() {
        LocalDate day = startDay(414);
        String registrar = account(Role.REGISTRATION_OPERATOR);
        var niks = RecordingTestSupport.residentsToRecord(jdbc, day, 2);
        String returned = niks.get(0);
        String queuedNik = niks.get(1);

        Visit back = SignedInAs.call(users, registrar, () -> {
            Applicant applicant = registration.lookup(returned);
            clock.advance(Duration.ofMinutes(1)); // the resident hands the documents over
            Visit visit = registration.begin(returned, applicant.at());
            clock.advance(Duration.ofMinutes(2)); // the operator checks them: the KK copy is missing
            return registration.returnDocuments(visit.id(), Set.of(Requirements.KK_COPY));
        });
        assertThat(back.state()).isEqualTo(VisitState.DOCUMENTS_RETURNED);
        assertThat(stepMillis(back, "C1_DOCUMENTS_HANDED_OVER")).isEqualTo(Duration.ofMinutes(1).toMillis());
        assertThat(stepMillis(back, "C2_REGISTRATION_CHECK")).as("the return is step 2's outcome")
                .isEqualTo(Duration.ofMinutes(2).toMillis());

        Visit queued = SignedInAs.call(users, registrar, () -> {
            Applicant applicant = registration.lookup(queuedNik);
            clock.advance(Duration.ofMinutes(3));
            Visit visit = registration.begin(queuedNik, applicant.at());
            clock.advance(Duration.ofMinutes(4));
            registration.documentsInOrder(visit.id(), Set.copyOf(applicant.documents()), true);
            clock.advance(Duration.ofMinutes(2));
            return registration.biometricCheck(visit.id(), false, null);
        });
        assertThat(stepMillis(queued, "C1_DOCUMENTS_HANDED_OVER")).isEqualTo(Duration.ofMinutes(3).toMillis());
        assertThat(stepMillis(queued, "C2_REGISTRATION_CHECK")).isEqualTo(Duration.ofMinutes(6).toMillis());
    }

    @Test
    void a_technical_fault_excuses_the_overrun_of_step_two_and_of_a_recording_that_succeeded_after_it() {
        LocalDate day = startDay(415);
        String registrar = account(Role.REGISTRATION_OPERATOR);
        String recorder = account(Role.RECORDING_OPERATOR);
        String nik = RecordingTestSupport.residentsToRecord(jdbc, day, 1).getFirst();
        Visit queued = SignedInAs.call(users, registrar, () -> {
            Visit checked = RecordingTestSupport.checked(registration, nik);
            clock.advance(Duration.ofMinutes(25)); // the iris scanner at registration would not start
            return registration.biometricCheck(checked.id(), false, null, "Pemindai iris registrasi macet");
        });
        SignedInAs.call(users, recorder, () -> recording.callNext("Meja 1")).orElseThrow();
        clock.advance(Duration.ofMinutes(30)); // the fingerprint reader restarted twice, then it worked
        Visit recorded = SignedInAs.call(users, recorder,
                () -> recording.recorded(queued.id(), "Pembaca sidik jari dimulai ulang"));
        assertThat(recorded.state()).isEqualTo(VisitState.RECORDED);

        for (String step : List.of("C2_REGISTRATION_CHECK", "C3_RECORDING")) {
            Map<String, Object> row = jdbc.queryForMap("SELECT within_standard, excused_reason FROM sla_step "
                    + "WHERE case_id = ? AND step = ?", "C-" + queued.id(), step);
            assertThat(row.get("within_standard")).as(step + " ran over").isEqualTo(false);
            assertThat((String) row.get("excused_reason")).as(step + " excused").startsWith("technical failure:");
        }
    }

    @Test
    void the_desk_closes_its_day_every_open_visit_gets_its_outcome_and_the_register_counts_it() {
        LocalDate day = startDay(416);
        String registrar = account(Role.REGISTRATION_OPERATOR);
        String recorder = account(Role.RECORDING_OPERATOR);
        var niks = RecordingTestSupport.residentsToRecord(jdbc, day, 6);
        for (String nik : niks.subList(0, 5)) {
            SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik));
        }
        Visit checking = SignedInAs.call(users, registrar,
                () -> registration.begin(niks.get(5), clock.instant())); // still at registration
        SignedInAs.run(users, recorder, () -> {
            Visit handed = recording.callNext("Meja 1").orElseThrow();
            recording.recorded(handed.id());
            recording.proofHanded(handed.id());
            recording.recorded(recording.callNext("Meja 1").orElseThrow().id()); // proof not handed
            recording.absent(recording.callNext("Meja 1").orElseThrow().id());
            recording.failed(recording.callNext("Meja 1").orElseThrow().id(), "Sidik jari tidak terbaca", false);
            // the last number stays waiting
        });
        clock.advance(Duration.ofHours(8));

        assertThat(SignedInAs.call(users, registrar, closing::openToday)).containsOnly(
                Map.entry(VisitState.CHECKING, 1), Map.entry(VisitState.RECORDED, 1), Map.entry(VisitState.ABSENT, 1),
                Map.entry(VisitState.SENT_BACK, 1), Map.entry(VisitState.QUEUED, 1));
        assertThat(SignedInAs.call(users, registrar, closing::closeToday)).isEqualTo(5);
        assertThat(SignedInAs.call(users, registrar, closing::openToday)).isEmpty();
        assertThat(jdbc.queryForList("SELECT s.step FROM sla_step s JOIN recording_visit v "
                + "ON s.case_id = CONCAT('C-', v.id) WHERE v.day = ? AND s.ended_by = ? AND s.ended_at >= ? "
                + "AND (s.duration_ms IS NOT NULL OR s.abandoned_reason NOT LIKE 'day closed, left %')", String.class,
                day, registrar, java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(clock.instant(),
                        java.time.ZoneOffset.UTC))))
                .as("every step the close ended is abandoned, none counted as done").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step s JOIN recording_visit v "
                + "ON s.case_id = CONCAT('C-', v.id) WHERE v.day = ? AND s.ended_at IS NULL", Integer.class, day))
                .as("no step of the day left open").isZero();
        assertThat(SignedInAs.call(users, registrar, () -> registration.lookup(niks.get(5))).openVisit()).isNull();

        TableReport report = SignedInAs.call(users, registrar, () -> reports.mine(day, PortalMessages.INDONESIAN,
                "registrasi/register-pdf"));
        assertThat(report.tables().getFirst().rows()).contains(List.of("Kunjungan", 6L), List.of("Terekam", 2L),
                List.of("Ditutup: berkas belum diperiksa", 1L), List.of("Ditutup: belum dipanggil", 1L),
                List.of("Ditutup: tidak hadir", 1L), List.of("Ditutup: gagal rekam", 1L),
                List.of("Ditutup: bukti belum diserahkan", 1L));
        assertThat(report.tables().getFirst().rows()).extracting(row -> row.getFirst())
                .doesNotContain("Belum selesai (hari belum ditutup)");
        assertThat(report.tables().getLast().rows()).extracting(row -> row.getLast().toString())
                .contains("Ditutup akhir hari: tidak hadir saat dipanggil") // said once (issue 54)
                .noneMatch(outcome -> outcome.contains("Ditutup akhir hari: Ditutup"));
        assertThat(checking.id()).isPositive();
    }

    @Test
    void a_day_no_desk_closed_is_closed_at_night_at_its_closing_time() {
        LocalDate day = startDay(417);
        String registrar = account(Role.REGISTRATION_OPERATOR);
        String recorder = account(Role.RECORDING_OPERATOR);
        String nik = RecordingTestSupport.residentsToRecord(jdbc, day, 1).getFirst();
        Visit queued = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik));
        clock.advance(Duration.ofHours(1));
        SignedInAs.call(users, recorder, () -> recording.callNext("Meja 1")).orElseThrow(); // 09:00, then nothing
        clock.setInstant(day.plusDays(1).atTime(0, 20).atZone(OFFICE).toInstant());
        // The job's lock is held an hour after each run, the scheduler's own at 00:20 office time (17:20 UTC) too: a
        // suite running within that hour would find it taken and the call below would do nothing. Freed here.
        jdbc.update("UPDATE shedlock SET lock_until = CURRENT_TIMESTAMP(3) WHERE name = ?", RecordingJobs.JOB);

        jobs.closeDaysLeftOpen();

        Visit closed = SignedInAs.call(users, recorder, () -> recording.visit(queued.id()));
        assertThat(closed.state()).isEqualTo(VisitState.CLOSED);
        assertThat(closed.closedFrom()).isEqualTo(VisitState.CALLED);
        assertThat(closed.endedAt()).isEqualTo(day.atTime(16, 0).atZone(OFFICE).toInstant());
        // Called and never recorded: step 3 did not happen. It ends at the closing time, abandoned: no duration for a
        // report to count as a recording of seven hours (issue 54).
        new StepClockLog(jdbc, "C-" + closed.id()).abandoned(SopStep.C3_RECORDING,
                day.atTime(9, 0).atZone(OFFICE).toInstant(), day.atTime(16, 0).atZone(OFFICE).toInstant(),
                "day closed, left CALLED");
    }

    @Test
    void the_proof_names_the_officer_the_point_the_time_of_recording_and_the_signatory_the_office_chose()
            throws Exception {
        LocalDate day = startDay(418);
        String registrar = account(Role.REGISTRATION_OPERATOR);
        String recorder = account(Role.RECORDING_OPERATOR);
        String nik = RecordingTestSupport.residentsToRecord(jdbc, day, 1).getFirst();
        Visit queued = SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik));
        clock.advance(Duration.ofMinutes(20));
        SignedInAs.call(users, recorder, () -> recording.callNext("Meja 1")).orElseThrow(); // 08:20
        clock.advance(Duration.ofMinutes(11));
        Visit recorded = SignedInAs.call(users, recorder, () -> recording.recorded(queued.id())); // 08:31
        String officer = staffNames.of(List.of(recorder)).get(recorder);
        String point = servicePoints.byCode(recorded.servicePoint()).orElseThrow().name();

        byte[] proof = papers.proof(recorded);
        String text = pdfText(proof);
        assertThat(text).contains(officer, point, "08:31", "Petugas perekaman").doesNotContain("08:20");
        // Its link is the portal's one public address, as a signed document's (issue 54).
        String link = publicAddress.base() + "/bukti/" + recorded.proofToken();
        assertThat(CodeReader.read(CodeReader.firstPage(proof), BarcodeFormat.QR_CODE)).isEqualTo(link);
        assertThat(text.replace(" ", "")).contains(link);
        assertThat(papers.checked(recorded.proofToken())).hasValueSatisfying(checked ->
                assertThat(checked.recordedAt()).endsWith("08:31"));

        RecordingDocuments signed = new RecordingDocuments(visits, registry, servicePoints, renderer, messages,
                clock, publicAddress, staffNames, personalData, new RecordingDocuments.Signatory(
                        "a.n. Kepala Dinas, Kepala Bidang Pendaftaran Penduduk", "Dra. Siti Rahmawati",
                        "19700101 199503 2 001"));
        assertThat(pdfText(signed.proof(recorded))).contains(officer, "Kepala Bidang Pendaftaran Penduduk",
                "Dra. Siti Rahmawati", "NIP. 19700101 199503 2 001");
    }

    @Test
    void the_day_pdf_is_sop_cs_by_its_title_and_its_figures_add_up() throws Exception {
        LocalDate day = startDay(419);
        String registrar = account(Role.REGISTRATION_OPERATOR);
        String recorder = account(Role.RECORDING_OPERATOR);
        var niks = RecordingTestSupport.residentsToRecord(jdbc, day, 5);
        SignedInAs.run(users, registrar, () -> {
            Visit returned = registration.begin(niks.get(0), clock.instant());
            registration.returnDocuments(returned.id(), Set.of(Requirements.KK_COPY));
            registration.biometricCheck(RecordingTestSupport.checked(registration, niks.get(1)).id(), true, null);
            for (String nik : niks.subList(2, 5)) {
                RecordingTestSupport.queued(registration, nik);
            }
        });
        SignedInAs.run(users, recorder, () -> {
            Visit first = recording.callNext("Meja 1").orElseThrow();
            recording.recorded(first.id());
            recording.proofHanded(first.id());
            recording.absent(recording.callNext("Meja 1").orElseThrow().id());
            // the third number is never called
        });
        clock.advance(Duration.ofHours(8));
        SignedInAs.call(users, registrar, closing::closeToday);

        byte[] pdf = reports.pdf(RecordingDayTests.POINT, day, PortalMessages.INDONESIAN);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Laporan harian perekaman KTP-el (SOP C)");
            String text = new PDFTextStripper().getText(document);
            assertThat(text).startsWith("PEMERINTAH").contains("Laporan harian perekaman KTP-el (SOP C)")
                    .doesNotContain("IKD");
            Map<String, Long> figures = new java.util.HashMap<>();
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("(?m)^(\\D.*?) (\\d+)$").matcher(text);
            while (line.find()) {
                figures.putIfAbsent(line.group(1).strip(), Long.parseLong(line.group(2)));
            }
            assertThat(figures).containsEntry("Kunjungan", 5L).containsEntry("Dokumen dikembalikan", 1L)
                    .containsEntry("Sudah terekam", 1L).containsEntry("Diberi nomor antrean", 3L)
                    .containsEntry("Terekam", 1L).containsEntry("Terekam, bukti diserahkan", 1L)
                    .containsEntry("Ditutup: tidak hadir", 1L).containsEntry("Ditutup: belum dipanggil", 1L)
                    .containsEntry("Panggilan", 2L);
            assertThat(figures.get("Dokumen dikembalikan") + figures.get("Sudah terekam")
                    + figures.get("Diberi nomor antrean")).as("every visit has one outcome")
                    .isEqualTo(figures.get("Kunjungan"));
            assertThat(figures.get("Terekam, bukti diserahkan")
                    + figures.get("Ditutup: tidak hadir") + figures.get("Ditutup: belum dipanggil"))
                    .as("every number given has one outcome").isEqualTo(figures.get("Diberi nomor antrean"));
            assertThat(text).contains("Register harian (BHPPK)");
            for (String nik : niks) { // the register's columns keep a NIK whole
                assertThat(text).as("the register lists every visit").contains(Nik.of(nik).masked());
            }
        }
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " "); // lines wrap where they fit
        }
    }

    private long stepMillis(Visit visit, String step) {
        return jdbc.queryForObject("SELECT duration_ms FROM sla_step WHERE case_id = ? AND step = ?", Long.class,
                "C-" + visit.id(), step);
    }

    private LocalDate startDay(int daysAhead) {
        LocalDate day = LocalDate.now(OFFICE).plusDays(daysAhead);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        return day;
    }

    private void enrolment(String nik, String status) {
        jdbc.update("UPDATE population_resident SET enrolment_status = ? WHERE nik = ?", status, nik);
    }

    private String account(Role role) {
        return staffAccounts.create(Set.of(role), PASSWORD);
    }
}
