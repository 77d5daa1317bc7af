package id.dukcapil.portal.schoolvisit;

import static id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport.DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport.Line;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.reports.DailySummaries;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.signing.BatchRun;
import id.dukcapil.portal.signing.BatchSigning;
import id.dukcapil.portal.signing.PublicVerification;
import id.dukcapil.portal.signing.SigningTestSupport;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sex;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.staff.StaffAccounts;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP D for one school, from its roster to the handover: a roster with bad rows imported twice, a schedule with
 * refused conflicts, a visit through every branch of steps 3–7 (recorded before, recorded after a matching registry,
 * recorded after a correction from the birth certificate), a card printed at 17 on the day and one on a later
 * birthday, the blank cards out and back, and the school's receipt of the handover record.
 */
@PortalTest
class SchoolVisitTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";
    private static final String POINT = "DINAS"; // where test accounts work

    @Autowired Schools schools;
    @Autowired RosterImport rosterImport;
    @Autowired VisitPlanner planner;
    @Autowired FieldDesk field;
    @Autowired VisitDesk visitDesk;
    @Autowired EnrolmentAnswers enrolment;
    @Autowired BirthdayPrintQueue printQueue;
    @Autowired Handovers handovers;
    @Autowired HandoverDocuments handoverDocuments;
    @Autowired id.dukcapil.portal.shared.web.PublicAddress publicAddress;
    @Autowired BatchSigning batches;
    @Autowired PublicVerification verification;
    @Autowired BlankoStock blanko;
    @Autowired VisitLetters letters;
    @Autowired SchoolListImport schoolList;
    @Autowired SchoolReports schoolReports;
    @Autowired TableReportFiles reportFiles;
    @Autowired TestMailServer mail;
    @Autowired SigningTestSupport signing;
    @Autowired DailySummaries summaries;
    @Autowired PopulationRegistry registry;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired id.dukcapil.portal.audit.internal.PersonalDataViewBuffer personalDataBuffer;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_school_goes_from_its_roster_through_a_visit_to_the_handover_of_its_cards() throws Exception {
        String plannerName = account(Role.PLANNER);
        String officer = account(Role.FIELD_OFFICER);
        String printer = account(Role.PRINT_OPERATOR);
        String otherOfficer = account(Role.FIELD_OFFICER);
        LocalDate today = LocalDate.now(OFFICE);
        LocalDate visitDay = today.plusDays(30 + (int) (System.nanoTime() % 200));
        // The handover is signed on the visit's day: a certificate valid then, whatever the classes before left active.
        signing.uploadCertificate(Instant.now().minus(Duration.ofDays(1)),
                visitDay.plusYears(1).atStartOfDay(OFFICE).toInstant());

        // The students: 17 and recorded before; 17 and never recorded; 16 and never recorded (17 in a few months).
        String[] recordedBefore = SchoolVisitTestSupport.residents(jdbc, visitDay.minusYears(18),
                visitDay.minusYears(17).minusDays(1), "PRINT_READY", 1).getFirst();
        String[] seventeen = SchoolVisitTestSupport.residents(jdbc, visitDay.minusYears(18),
                visitDay.minusYears(17).minusDays(1), "NOT_RECORDED", 1).getFirst();
        String[] sixteen = SchoolVisitTestSupport.residents(jdbc, visitDay.minusYears(17).plusDays(20),
                visitDay.minusYears(16).minusDays(1), "NOT_RECORDED", 1).getFirst();
        String[] tooYoung = SchoolVisitTestSupport.residents(jdbc, visitDay.minusYears(16).plusDays(10),
                visitDay.minusYears(15), "NOT_RECORDED", 1).getFirst();
        LocalDate unknownBirth = visitDay.minusYears(17).minusMonths(2);
        String unknownNik = Nik.compose("320401", unknownBirth, Sex.MALE, 9999).value();

        School school = SignedInAs.call(users, plannerName, () -> schools.create(new SchoolForm(npsn(),
                "SMA Negeri 1 Uji", SchoolLevel.SMA, "Jl. Pendidikan No. 1", village(), "Drs. Ahmad Fauzi",
                "0812 3456 7890", "sman1@sekolah.test", POINT)));

        // The roster: three good rows and one of each bad kind.
        List<Line> lines = new ArrayList<>(List.of(
                line(recordedBefore, "XII IPA 1"), line(seventeen, "XII IPA 2"), line(sixteen, "XI IPS 1"),
                new Line(unknownNik, "Tidak Dikenal", DATE.format(unknownBirth), "XII IPA 1"),
                new Line(seventeen[0], seventeen[1], DATE.format(LocalDate.parse(seventeen[2], DATE).plusDays(1)),
                        "XII IPA 2"),
                line(sixteen, "XI IPS 1"),
                line(tooYoung, "X 1"),
                new Line("12345", "Salah Ketik", "01/01/2009", "X 2")));
        byte[] file = SchoolVisitTestSupport.roster(lines);
        RosterReport first = SignedInAs.call(users, plannerName,
                () -> rosterImport.importRoster(school.id(), visitDay, new ByteArrayInputStream(file)));
        assertThat(first.rows()).isEqualTo(8);
        assertThat(first.added()).isEqualTo(3);
        assertThat(first.badRows()).extracting(RosterReport.BadRow::row, RosterReport.BadRow::reasonKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5, "schoolvisit.roster.unknown-nik"),
                        org.assertj.core.groups.Tuple.tuple(6, "schoolvisit.roster.nik-birth-date"),
                        org.assertj.core.groups.Tuple.tuple(7, "schoolvisit.roster.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(8, "schoolvisit.roster.under-16"),
                        org.assertj.core.groups.Tuple.tuple(9, "schoolvisit.roster.bad-nik"));
        RosterReport again = SignedInAs.call(users, plannerName,
                () -> rosterImport.importRoster(school.id(), visitDay, new ByteArrayInputStream(file)));
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_student WHERE school_id = ?", Integer.class,
                school.id())).isEqualTo(3);

        // The schedule: a kit under repair and an officer on leave are refused by name; a kit taken, too.
        String kitCode = "KIT-" + System.nanoTime() % 1_000_000;
        String brokenKit = kitCode + "R";
        SignedInAs.run(users, plannerName, () -> {
            planner.saveKit(new Kit(kitCode, "Set Perekaman " + kitCode, POINT, false, null));
            planner.saveKit(new Kit(brokenKit, "Set Rusak " + brokenKit, POINT, true, "Printer kartu macet"));
            planner.leave(otherOfficer, visitDay.minusDays(1), visitDay.plusDays(1), "Cuti tahunan");
        });
        assertThatThrownBy(() -> SignedInAs.call(users, plannerName, () -> planner.schedule(
                new VisitPlan(school.id(), visitDay, Set.of(officer), brokenKit, clock.instant()))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.conflict.kit-repair");
        assertThatThrownBy(() -> SignedInAs.call(users, plannerName, () -> planner.schedule(
                new VisitPlan(school.id(), visitDay, Set.of(officer, otherOfficer), kitCode, clock.instant()))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.conflict.leave");
        SchoolVisit visit = SignedInAs.call(users, plannerName, () -> planner.schedule(
                new VisitPlan(school.id(), visitDay, Set.of(officer), kitCode, clock.instant().minusSeconds(600))));
        assertThat(visit.team()).containsExactly(officer);
        // The school hears of the visit: the letter with the day's student list goes by e-mail.
        byte[] letter = SignedInAs.call(users, plannerName, () -> letters.pdf(visit.id()));
        try (PDDocument pdf = Loader.loadPDF(letter)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(school.name(), seventeen[1], sixteen[1],
                    DATE.format(visitDay));
        }
        SignedInAs.call(users, plannerName, () -> letters.send(visit.id()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mail.received().stream()
                .anyMatch(message -> recipient(message).equals("sman1@sekolah.test")));
        School other = SignedInAs.call(users, plannerName, () -> schools.create(new SchoolForm(npsn(),
                "SMK Negeri 2 Uji", SchoolLevel.SMK, "Jl. Teknik No. 2", village(), "Siti Aminah",
                "081298765432", null, POINT)));
        assertThatThrownBy(() -> SignedInAs.call(users, plannerName, () -> planner.schedule(
                new VisitPlan(other.id(), visitDay, Set.of(printer), kitCode, clock.instant()))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.conflict.kit-busy");
        String spareKit = kitCode + "S";
        SignedInAs.run(users, plannerName, () -> planner.saveKit(new Kit(spareKit, "Set Cadangan", POINT, false, null)));
        assertThatThrownBy(() -> SignedInAs.call(users, plannerName, () -> planner.schedule(
                new VisitPlan(other.id(), visitDay, Set.of(officer), spareKit, clock.instant()))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.conflict.officer-busy");

        // The visit day: the team sets out with two blank cards.
        clock.setInstant(visitDay.atTime(7, 0).atZone(OFFICE).toInstant());
        SignedInAs.call(users, plannerName, () -> blanko.receive(POINT, 10, "Kiriman uji " + kitCode));
        int stockBefore = blanko.balance(POINT);
        SignedInAs.call(users, officer, () -> visitDesk.setOut(visit.id(), 2));
        assertThat(blanko.balance(POINT)).isEqualTo(stockBefore - 2);
        clock.advance(Duration.ofMinutes(80));
        SignedInAs.call(users, officer, () -> visitDesk.ready(visit.id()));
        List<Student> roster = SignedInAs.call(users, officer, () -> field.roster(visit.id()));
        long before = idOf(roster, recordedBefore[0]);
        long plain = idOf(roster, seventeen[0]);
        long young = idOf(roster, sixteen[0]);

        // Recorded before, 17: straight onto the print list, printed on site.
        step(officer, () -> field.begin(visit.id(), before));
        FieldStudent found = step(officer, () -> field.statusChecked(visit.id(), before));
        assertThat(found.student().state()).isEqualTo(StudentState.WAITING);
        assertThat(found.student().alreadyRecorded()).isTrue();
        // The field desk records the student it hands the officer's screen (issue 50).
        personalDataBuffer.flush();
        assertThat(accesses(officer, "VIEW", "lapangan", found.resident().nik().value())).isPositive();
        assertThat(step(officer, () -> field.printOnSite(visit.id(), before)).student().state())
                .isEqualTo(StudentState.PRINTED);

        // Never recorded, 17, the registry as the birth certificate says: recorded, answered print-ready, printed.
        step(officer, () -> field.begin(visit.id(), plain));
        assertThat(step(officer, () -> field.statusChecked(visit.id(), plain)).student().fieldStep())
                .isEqualTo(FieldStep.SIAK);
        step(officer, () -> field.registryMatches(visit.id(), plain));
        clock.advance(Duration.ofMinutes(15));
        FieldStudent recorded = step(officer, () -> field.recorded(visit.id(), plain));
        assertThat(recorded.enrolmentStatus()).isEqualTo(EnrolmentStatus.SENT_FOR_ENROLMENT);
        // The answer got lost on the school's network and the officer taps again: nothing recorded twice.
        assertThat(step(officer, () -> field.recorded(visit.id(), plain)).student().state())
                .isEqualTo(StudentState.WAITING);
        assertThatThrownBy(() -> step(officer, () -> field.printOnSite(visit.id(), plain)))
                .isInstanceOf(RuleViolation.class);
        SignedInAs.call(users, officer, () -> enrolment.printReady(plain));
        step(officer, () -> field.printOnSite(visit.id(), plain));

        // Never recorded, 16, the registry differs from the birth certificate: corrected, recorded, queued for 17.
        step(officer, () -> field.begin(visit.id(), young));
        step(officer, () -> field.statusChecked(visit.id(), young));
        step(officer, () -> field.registryDiffers(visit.id(), young));
        assertThatThrownBy(() -> step(officer, () -> field.correct(visit.id(), young, BirthCertificate.none(),
                "Akta 3204-LT-01012009-0001")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.error.correction-none");
        // The certificate's place differs from the register's, whichever resident the day drew.
        String place = "Soreang".equals(jdbc.queryForObject("SELECT birth_place FROM population_resident WHERE nik = ?",
                String.class, sixteen[0])) ? "Banjaran" : "Soreang";
        FieldStudent corrected = step(officer, () -> field.correct(visit.id(), young,
                new BirthCertificate(null, place, null, null, null, null), "Akta 3204-LT-01012009-0001"));
        assertThat(corrected.resident().birthPlace()).isEqualTo(place);
        assertThat(corrected.student().corrected()).isTrue();
        // The iris scanner fails half an hour into the recording: without a reason it is refused; with one, the
        // overrun is excused and the student stays to be recorded again, which then succeeds.
        clock.advance(Duration.ofMinutes(30));
        assertThatThrownBy(() -> step(officer, () -> field.recordingFailed(visit.id(), young, "  ")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.error.failure-reason");
        FieldStudent failed = step(officer, () -> field.recordingFailed(visit.id(), young, "Pemindai iris mati"));
        assertThat(failed.student().state()).isEqualTo(StudentState.ON_ROSTER);
        assertThat(failed.student().fieldStep()).isEqualTo(FieldStep.RECORDING);
        assertThat(jdbc.queryForList("""
                SELECT excused_reason FROM sla_step WHERE case_id = ? AND step = 'D6_RECORDING'
                AND within_standard = FALSE AND ended_at IS NOT NULL""", String.class, "D-S" + young))
                .containsExactly("technical failure: Pemindai iris mati");
        clock.advance(Duration.ofMinutes(5));
        step(officer, () -> field.recorded(visit.id(), young));
        assertThatThrownBy(() -> step(officer, () -> field.recordingFailed(visit.id(), young, "Terlambat")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.error.not-recording");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM sla_step WHERE case_id = ? AND step = 'D6_RECORDING' AND within_standard = TRUE
                AND excused_reason IS NULL""", Long.class, "D-S" + young)).as("the second attempt, in time").isOne();
        SignedInAs.call(users, officer, () -> enrolment.printReady(young));
        assertThatThrownBy(() -> step(officer, () -> field.printOnSite(visit.id(), young)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("population.eligibility.school.print-before-17");

        // The visit closes: the two cards were used, none come back.
        SchoolVisit closed = SignedInAs.call(users, officer, () -> visitDesk.close(visit.id()));
        assertThat(closed.cardsPrinted()).isEqualTo(2);
        assertThat(blanko.balance(POINT)).isEqualTo(stockBefore - 2);
        // The managers' daily summary of the point has the visit.
        try (PDDocument summary = Loader.loadPDF(SignedInAs.call(users, "manajer", () -> summaries.pdf(
                Procedure.D_SCHOOL_VISIT, POINT, visitDay, PortalMessages.INDONESIAN)))) {
            assertThat(new PDFTextStripper().getText(summary)).contains("Laporan harian perekaman di sekolah (SOP D)",
                    school.name(), "Direkam di sekolah 2", "Tercetak 2");
        }
        // The planner's report of the visit: three on the roster, two recorded there and one before, two printed on
        // site, one waiting for the 17th birthday, one corrected; the same figures in the PDF and the Excel file.
        Map<String, Object> visitFigures = visitReportFigures(plannerName, visit.id());
        assertThat(visitFigures).containsEntry("Siswa dalam daftar", 3.0).containsEntry("Direkam di sekolah", 2.0)
                .containsEntry("Sudah terekam sebelumnya", 1.0).containsEntry("Menunggu cetak (ulang tahun ke-17)", 1.0)
                .containsEntry("Tercetak", 2.0).containsEntry("Data SIAK diperbaiki dari akta", 1.0);
        try (PDDocument report = Loader.loadPDF(SignedInAs.call(users, plannerName,
                () -> reportFiles.pdf(schoolReports.visit(visit.id(), PortalMessages.INDONESIAN,
                        "jadwal-sekolah/laporan-pdf"),
                        PortalMessages.INDONESIAN)))) {
            assertThat(new PDFTextStripper().getText(report)).contains("Laporan kunjungan perekaman di sekolah (SOP D)",
                    school.name() + " · " + DATE.format(visitDay), "Direkam di sekolah 2", "Data SIAK diperbaiki dari akta 1",
                    seventeen[1], sixteen[1]);
        }
        assertThat(accesses(plannerName, "DOWNLOAD", "jadwal-sekolah/laporan-pdf", sixteen[0]))
                .as("the report names the student: recorded by the service that made it (issue 50)").isPositive();

        // The day before the 17th birthday the student is not in the print queue; on the day, they are.
        LocalDate birthday = LocalDate.parse(sixteen[2], DATE).plusYears(17);
        clock.setInstant(birthday.minusDays(1).atTime(8, 0).atZone(OFFICE).toInstant());
        assertThat(queueToday(printer)).extracting(card -> card.student().id())
                .doesNotContain(young);
        clock.setInstant(birthday.atTime(8, 0).atZone(OFFICE).toInstant());
        assertThat(queueToday(printer))
                .filteredOn(card -> card.student().id() == young)
                .extracting(QueuedCard::schoolName).containsExactly(school.name());
        SignedInAs.call(users, plannerName, () -> blanko.receive(POINT, 1, "Kiriman uji ulang tahun " + kitCode));
        int stockOnBirthday = blanko.balance(POINT);
        assertThat(SignedInAs.call(users, printer, () -> printQueue.print(young)).state())
                .isEqualTo(StudentState.PRINTED);
        assertThat(blanko.balance(POINT)).isEqualTo(stockOnBirthday - 1);
        assertThat(registry.cardHistory(Nik.of(sixteen[0]))).hasSize(1);
        // The visit's report counts the card printed on the birthday as the visit's: none waiting any more.
        assertThat(visitReportFigures(plannerName, visit.id())).containsEntry("Tercetak", 3.0)
                .containsEntry("Menunggu cetak (ulang tahun ke-17)", 0.0);

        // The handover: one record lists the three cards; the school's receipt is recorded once.
        Handover handover = SignedInAs.call(users, officer, () -> handovers.prepare(school.id()));
        assertThat(handover.students()).extracting(Student::id).containsExactlyInAnyOrder(before, plain, young);
        assertThat(handover.number()).startsWith("BAST/" + school.npsn() + "/");
        // The Kepala Dinas signs the record; the signed PDF lists the cards and verifies.
        BatchRun run = SignedInAs.call(users, "kadis", () -> batches.start(List.of(handover.documentId()),
                SigningTestSupport.PASSPHRASE.toCharArray()));
        run.completion().get(60, TimeUnit.SECONDS);
        awaitSigned(handover.id());
        byte[] record = SignedInAs.call(users, officer, () -> handoverDocuments.pdf(handover.id()));
        assertThat(accesses(officer, "DOWNLOAD", "cetak-sekolah/serah-terima-pdf", sixteen[0])).isEqualTo(1);
        assertThat(verification.check(record, "192.0.2.40").authentic()).isTrue();
        try (PDDocument pdf = Loader.loadPDF(record)) {
            assertThat(pdf.getSignatureDictionaries()).hasSize(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("BERITA ACARA SERAH TERIMA", school.name(),
                    handover.number(), seventeen[1], "Ditandatangani");
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", ""))
                    .as("its link is the portal's one public address (issue 54)")
                    .contains(publicAddress.base() + "/verify/");
        }
        clock.advance(Duration.ofMinutes(20));
        Handover received = SignedInAs.call(users, officer, () -> handovers.received(handover.id(), "Drs. Ahmad Fauzi"));
        assertThat(received.receivedBy()).isEqualTo("Drs. Ahmad Fauzi");
        assertThat(received.students()).extracting(Student::state).containsOnly(StudentState.HANDED_OVER);
        assertThatThrownBy(() -> SignedInAs.call(users, officer, () -> handovers.prepare(school.id())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.error.nothing-to-hand-over");

        // Every step of SOP D was timed, and the correction is in the log.
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT step FROM sla_step WHERE case_id IN (?, ?, ?, ?, ?, ?) ORDER BY step""", String.class,
                "D-V" + visit.id(), "D-S" + before, "D-S" + plain, "D-S" + young, "D-H" + handover.id(), "-"))
                .containsExactly("D1_COORDINATION", "D2_PREPARATION_AND_VISIT", "D3_RECORDING_STATUS",
                        "D4_SIAK_CHECK", "D5_SIAK_UPDATE", "D6_RECORDING", "D7_PRINT", "D8_HANDOVER");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE case_id = ? AND ended_at IS NULL",
                Integer.class, "D-S" + young)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'schoolvisit.student.corrected' AND subject_id = ?""",
                Integer.class, String.valueOf(young))).isEqualTo(1);
    }

    @Test
    void a_school_with_a_bad_npsn_phone_and_village_is_refused_with_each_problem_named() {
        String plannerName = account(Role.PLANNER);
        assertThatThrownBy(() -> SignedInAs.call(users, plannerName, () -> schools.create(new SchoolForm("12AB",
                "SMA Uji", SchoolLevel.SMA, "Jl. Uji", "99.99.99.9999", "Guru", "12", "bukan-email", POINT))))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.messageKeys())
                        .containsExactly("schoolvisit.error.npsn", "schoolvisit.error.village",
                                "schoolvisit.error.phone", "schoolvisit.error.email"));
    }

    @Test
    void a_list_of_schools_from_excel_adds_the_new_updates_the_known_and_names_each_bad_row() throws Exception {
        String plannerName = account(Role.PLANNER);
        String known = npsn();
        String fresh = String.valueOf(Long.parseLong(known) + 7);
        SignedInAs.call(users, plannerName, () -> schools.create(new SchoolForm(known, "SMA Lama", SchoolLevel.SMA,
                "Jl. Lama", village(), "Guru Lama", "081200000000", null, POINT)));
        byte[] file;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Sekolah");
            String[][] rows = {
                    {"NPSN", "Nama", "Jenjang", "Alamat", "Kode desa", "Narahubung", "Telepon", "E-mail"},
                    {known, "SMA Baru Namanya", "SMA", "Jl. Lama", village(), "Guru Baru", "081200000001", ""},
                    {fresh, "SMK Tambahan", "SMK", "Jl. Tambah", village(), "Ibu Guru", "081200000002", ""},
                    {"123", "Salah NPSN", "SD", "Jl. X", village(), "Pak Guru", "081200000003", ""}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            file = out.toByteArray();
        }
        SchoolListImport.Report report = SignedInAs.call(users, plannerName,
                () -> schoolList.importList(POINT, new ByteArrayInputStream(file)));
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.badRows()).extracting(RosterReport.BadRow::row, RosterReport.BadRow::reasonKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "schoolvisit.error.npsn"));
        assertThat(jdbc.queryForObject("SELECT name FROM schoolvisit_school WHERE npsn = ?", String.class, known))
                .isEqualTo("SMA Baru Namanya");
    }

    @Test
    void a_planner_fills_in_the_downloaded_school_list_template_and_imports_it_as_it_is() throws Exception {
        String plannerName = account(Role.PLANNER);
        String npsn = npsn();
        byte[] template = SignedInAs.call(users, plannerName, () -> schoolList.template());
        byte[] filled;
        try (var workbook = WorkbookFactory.create(new ByteArrayInputStream(template));
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("NPSN");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("E-mail");
            String[] school = {npsn, "SMA Dari Templat", "SMA", "Jl. Templat 1", village(), "Bu Guru", "081200000009",
                    ""};
            var row = sheet.createRow(1);
            for (int c = 0; c < school.length; c++) {
                row.createCell(c).setCellValue(school[c]);
            }
            workbook.write(out);
            filled = out.toByteArray();
        }
        SchoolListImport.Report report = SignedInAs.call(users, plannerName,
                () -> schoolList.importList(POINT, new ByteArrayInputStream(filled)));
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.badRows()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT name FROM schoolvisit_school WHERE npsn = ?", String.class, npsn))
                .isEqualTo("SMA Dari Templat");
    }

    @Test
    void an_officer_cannot_download_the_school_list_template() {
        String officerName = account(Role.FIELD_OFFICER);
        assertThatThrownBy(() -> SignedInAs.call(users, officerName, () -> schoolList.template()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void two_planners_booking_one_kit_for_the_same_day_at_once_one_wins_and_the_other_is_told() throws Exception {
        String first = account(Role.PLANNER);
        String second = account(Role.PLANNER);
        LocalDate day = LocalDate.now(OFFICE).plusDays(20 + Math.floorMod(System.nanoTime(), 300));
        String kitCode = "KIT-C" + Math.floorMod(System.nanoTime(), 1_000_000);
        SignedInAs.run(users, first, () -> planner.saveKit(new Kit(kitCode, "Set Rebutan", POINT, false, null)));
        List<School> twoSchools = new ArrayList<>();
        for (String planner : List.of(first, second)) {
            twoSchools.add(SignedInAs.call(users, planner, () -> schools.create(new SchoolForm(npsn(), "SMA Rebutan "
                    + planner, SchoolLevel.SMA, "Jl. Rebutan", village(), "Guru", "081200000009", null, POINT))));
        }
        List<String> officers = List.of(account(Role.FIELD_OFFICER), account(Role.FIELD_OFFICER));
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int which = i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    SignedInAs.call(users, which == 0 ? first : second, () -> planner.schedule(new VisitPlan(
                            twoSchools.get(which).id(), day, Set.of(officers.get(which)), kitCode, clock.instant())));
                    return "scheduled";
                } catch (RuleViolation refused) {
                    return refused.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (var outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(results).filteredOn("scheduled"::equals).hasSize(1);
        assertThat(results).filteredOn(result -> !"scheduled".equals(result)).singleElement().asString()
                .containsAnyOf("schoolvisit.conflict.kit-busy", "schoolvisit.conflict.meanwhile");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_visit WHERE kit_code = ? AND day = ?",
                Integer.class, kitCode, day)).isEqualTo(1);
    }

    @Test
    void a_field_officer_cannot_schedule_a_visit() {
        String officer = account(Role.FIELD_OFFICER);
        assertThatThrownBy(() -> SignedInAs.call(users, officer, () -> planner.schedule(
                new VisitPlan(1, LocalDate.now(OFFICE), Set.of(officer), "KIT", clock.instant()))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    /** The signature's outcome reaches the module after the signing transaction commits. */
    private void awaitSigned(long handoverId) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (jdbc.queryForObject("SELECT signed_at IS NULL FROM schoolvisit_handover WHERE id = ?", Boolean.class,
                handoverId) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private FieldStudent step(String officer, java.util.concurrent.Callable<FieldStudent> action) {
        return SignedInAs.call(users, officer, action);
    }

    private static long idOf(List<Student> roster, String nik) {
        return roster.stream().filter(student -> student.nik().equals(nik)).findFirst().orElseThrow().id();
    }

    private static Line line(String[] resident, String className) {
        return new Line(resident[0], resident[1], resident[2], className);
    }

    private String village() {
        return jdbc.queryForObject("SELECT MIN(code) FROM shared_region_village", String.class);
    }

    private static String npsn() {
        return String.valueOf(10_000_000 + Math.floorMod(System.nanoTime(), 89_999_999));
    }

    private String account(Role role) {
        return staffAccounts.create(Set.of(role), PASSWORD);
    }

    private List<QueuedCard> queueToday(String printer) {
        return SignedInAs.call(users, printer, () -> printQueue.today(PageRequest.of(0, 1_000)).getContent());
    }

    /** The visit report's Excel file read back: each row of its figures sheet, label to number. */
    private Map<String, Object> visitReportFigures(String plannerName, long visitId) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SignedInAs.run(users, plannerName,
                () -> reportFiles.xlsx(schoolReports.visit(visitId, PortalMessages.INDONESIAN,
                        "jadwal-sekolah/laporan-xlsx"), out));
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        try (var workbook = WorkbookFactory.create(new ByteArrayInputStream(out.toByteArray()))) {
            for (var row : workbook.getSheet("Ringkasan")) {
                var value = row.getCell(1);
                if (row.getRowNum() > 1 && value != null && value.getCellType() == CellType.NUMERIC) {
                    figures.put(row.getCell(0).getStringCellValue(), value.getNumericCellValue());
                }
            }
        }
        return figures;
    }

    /** Who saw or downloaded whose data, as the services record it (decision 129). */
    private long accesses(String staff, String kind, String screen, String nik) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE staff_id = ? AND kind = ? "
                + "AND screen = ? AND subject = ?", Long.class, staff, kind, screen, nik);
    }
}
