package id.dukcapil.portal.ikd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.signing.BatchRun;
import id.dukcapil.portal.signing.BatchSigning;
import id.dukcapil.portal.signing.DocumentId;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SigningTestSupport;
import id.dukcapil.portal.staff.StaffAccounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP E step 6: a day at a point played through the gateway, then its daily IKD report (figures, per officer,
 * failures by reason, times per step) as the officer reads it, as PDF and Excel, submitted and signed by the Kepala
 * Dinas; sent back when the point's day changed after it was submitted.
 */
@PortalTest
class IkdDayReportTests {

    private static final String POINT = "MPP-SOREANG";
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @LocalServerPort int port;
    @Autowired id.dukcapil.portal.shared.web.PublicAddress publicAddress;
    @Autowired IkdDesk desk;
    @Autowired IkdDayReports reports;
    @Autowired TableReportFiles files;
    @Autowired SigningQueue signingQueue;
    @Autowired BatchSigning batches;
    @Autowired UserDetailsService users;
    @Autowired StaffAccounts staffAccounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    IkdApp app;

    @BeforeEach
    void the_app() {
        app = new IkdApp(port, jdbc);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_days_activations_and_failures_make_the_report_that_the_kepala_dinas_signs() throws Exception {
        LocalDate day = LocalDate.now(OFFICE).plusDays(211);
        clock.setInstant(day.atTime(9, 0).atZone(OFFICE).toInstant());
        String activated = activatedWithOneWrongPin();
        String referred = referredAfterThreeFailedFaces();
        app.assertProblem(app.post("", app.registration(app.residentWithPrintedCard(), "warga@contoh.id", "12345",
                POINT)), 422, "INVALID_PHONE");

        TableReport report = SignedInAs.call(users, "ikd",
                () -> reports.mine(day, PortalMessages.INDONESIAN, "ikd/laporan-pdf"));
        assertThat(report.tables()).extracting(TableReport.Table::title)
                .containsExactly("Ringkasan", "Per petugas", "Kegagalan menurut alasan",
                        "Register aktivasi IKD hari ini", "Waktu per langkah");
        assertThat(report.tables().get(0).rows()).containsExactly(List.of("Mendaftar", 2L),
                List.of("IKD diaktifkan", 1L), List.of("Diarsipkan", 1L), List.of("Kegagalan", 7L));
        // "Failed after QR" counts the wrong PIN after her QR code, not the referral, where no QR code was shown.
        assertThat(report.tables().get(1).rows()).containsExactly(
                List.of("Fitri Handayani", 1L, 1L, 1L, Duration.ofMinutes(6)));
        assertThat(report.tables().get(2).rows()).containsExactly(List.of("Nomor ponsel tidak valid", 1L),
                List.of("Verifikasi wajah gagal", 4L), List.of("PIN salah", 1L),
                List.of("Dirujuk ke pencatatan", 1L));
        // The day's register: who, when, the officer, the outcome, one line per activation.
        assertThat(report.tables().get(3).rows()).containsExactly(
                List.of(1L, "09:00", name(activated), maskedNik(activated), "Fitri Handayani", "09:06",
                        "IKD aktif dan diarsipkan"),
                List.of(2L, "09:06", name(referred), maskedNik(referred), "Fitri Handayani", "–",
                        "Dirujuk ke pencatatan"));
        // Step, done, abandoned: the referred citizen's selfie was not taken, it is counted apart.
        assertThat(report.tables().get(4).rows()).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.getLast())
                .containsExactly("3. Swafoto verifikasi wajah 1 1", "4. Pindai QR aktivasi oleh petugas 1 0",
                        "5. PIN lewat e-mail dan aktivasi 1 0", "6. Arsip dan laporan harian IKD 1 0");
        assertThat(activated).isNotEqualTo(referred);

        try (PDDocument pdf = Loader.loadPDF(files.pdf(report, PortalMessages.INDONESIAN))) {
            assertThat(pdf.getDocumentInformation().getTitle()).as("the document's own title")
                    .isEqualTo("Laporan harian aktivasi IKD (SOP E)");
            // The register's columns keep their words whole: the referral's line has its officer and outcome on it.
            // (Two residents' masked NIKs may read alike, and one name may begin another's, "Nining" and "Nining
            // Maryani": the line is the one with the referred resident's name followed by her masked NIK.)
            assertThat(new PDFTextStripper().getText(pdf).lines()
                    .filter(line -> line.contains(name(referred) + " " + maskedNik(referred))))
                    .singleElement().asString().contains("09:06", "Fitri Handayani", "Dirujuk ke pencatatan");
            assertThat(new PDFTextStripper().getText(pdf)).contains("Laporan harian aktivasi IKD (SOP E)",
                    report.subtitle(), "Per petugas", "Fitri Handayani", "Verifikasi wajah gagal", "6:00",
                    "Register aktivasi IKD hari ini", name(referred), "Dirujuk ke pencatatan");
        }
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        files.xlsx(report, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            Sheet officers = workbook.getSheet("Per petugas");
            assertThat(officers.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Fitri Handayani");
            assertThat(officers.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1);
            assertThat(officers.getRow(2).getCell(4).getNumericCellValue() * 24 * 60).isCloseTo(6, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(officers.getRow(2).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("[m]:ss");
        }

        IkdDayReports.Submission submitted = SignedInAs.call(users, "ikd", () -> reports.submit(day));
        assertThat(submitted.state()).as("the demo office has its reports signed").isEqualTo("SIGNING");
        long document = jdbc.queryForObject("SELECT document_id FROM ikd_day_report WHERE service_point = ? AND day = ?",
                Long.class, POINT, day);
        sign(document, day);
        assertThat(SignedInAs.call(users, "ikd", () -> reports.submission(day)).orElseThrow().state())
                .isEqualTo("SIGNED");
        byte[] signed = signingQueue.signedPdf(DocumentId.of(document)).orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(signed)) {
            assertThat(pdf.getSignatureDictionaries()).hasSize(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("LIKD-", "Fitri Handayani", "Ditandatangani");
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", ""))
                    .as("its link is the portal's one public address (issue 54)")
                    .contains(publicAddress.base() + "/verify/");
        }
        assertThatThrownBy(() -> SignedInAs.call(users, "ikd", () -> reports.submit(day)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ikd.report.already-signed");
    }

    @Test
    void a_report_whose_day_changed_after_it_was_submitted_goes_back_to_the_point() throws Exception {
        LocalDate day = LocalDate.now(OFFICE).plusDays(212);
        clock.setInstant(day.atTime(9, 0).atZone(OFFICE).toInstant());
        activatedWithOneWrongPin();
        SignedInAs.call(users, "ikd", () -> reports.submit(day));
        referredAfterThreeFailedFaces();

        long document = jdbc.queryForObject("SELECT document_id FROM ikd_day_report WHERE service_point = ? AND day = ?",
                Long.class, POINT, day);
        sign(document, day);
        IkdDayReports.Submission returned = SignedInAs.call(users, "ikd", () -> reports.submission(day)).orElseThrow();
        assertThat(returned.state()).isEqualTo("RETURNED");
        assertThat(returned.returnedReason()).contains("berubah sejak dikirim");

        assertThat(SignedInAs.call(users, "ikd", () -> reports.submit(day)).state()).isEqualTo("SIGNING");
        sign(jdbc.queryForObject("SELECT document_id FROM ikd_day_report WHERE service_point = ? AND day = ?",
                Long.class, POINT, day), day);
        assertThat(SignedInAs.call(users, "ikd", () -> reports.submission(day)).orElseThrow().state())
                .isEqualTo("SIGNED");
    }

    @Test
    void an_officer_reads_only_their_own_points_report_and_a_manager_any() {
        LocalDate day = LocalDate.now(OFFICE);
        String elsewhere = staffAccounts.create(Set.of(Role.IKD_OFFICER), "Sandi-Kuat-2026");
        assertThatThrownBy(() -> SignedInAs.call(users, elsewhere,
                () -> reports.report(POINT, day, PortalMessages.INDONESIAN)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ikd.desk.other-point");
        assertThat(SignedInAs.call(users, "manajer", () -> reports.report(POINT, day, PortalMessages.INDONESIAN))
                .subtitle()).isNotBlank();
        assertThatThrownBy(() -> SignedInAs.call(users, "ikd", () -> reports.submit(day.plusDays(1))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ikd.report.future-day");
    }

    /** Registered at 9:00, the face passed at once, scanned at 9:02, a wrong PIN, active at 9:06, archived. */
    private String activatedWithOneWrongPin() throws Exception {
        String code = app.registered(POINT);
        assertThat(app.state(app.post("/" + code + "/face-check", "{\"passed\":false,\"score\":0.4}")))
                .isEqualTo("FACE_FAILED");
        assertThat(app.state(app.post("/" + code + "/face-check", "{\"passed\":true,\"score\":0.9}")))
                .isEqualTo("FACE_PASSED");
        clock.advance(Duration.ofMinutes(2));
        IkdDesk.ActivationQr qr = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        assertThat(app.state(app.scan(code, qr.content()))).isEqualTo("PIN_SENT");
        String pin = app.pinFromTheEmail(code);
        app.assertProblem(app.activate(code, pin.equals("000000") ? "111111" : "000000"), 403, "WRONG_PIN");
        clock.advance(Duration.ofMinutes(4));
        assertThat(app.state(app.activate(code, pin))).isEqualTo("ACTIVATED");
        SignedInAs.run(users, "ikd", () -> desk.archive(code, EnumSet.allOf(ArchiveItem.class)));
        return code;
    }

    private String name(String code) {
        return jdbc.queryForObject("SELECT full_name FROM ikd_registration WHERE code = ?", String.class, code);
    }

    private String maskedNik(String code) {
        return id.dukcapil.portal.shared.Nik.of(jdbc.queryForObject("SELECT nik FROM ikd_registration WHERE code = ?",
                String.class, code)).masked();
    }

    private String referredAfterThreeFailedFaces() throws Exception {
        String code = app.registered(POINT);
        for (int i = 0; i < Activations.MAX_FACE_ATTEMPTS; i++) {
            app.post("/" + code + "/face-check", "{\"passed\":false,\"score\":0.2}");
        }
        SignedInAs.run(users, "ikd", () -> desk.refer(code));
        return code;
    }

    /** The Kepala Dinas signs the report; its outcome reaches the point after the signature's commit. */
    private void sign(long document, LocalDate day) throws Exception {
        BatchRun run = SignedInAs.call(users, "kadis",
                () -> batches.start(List.of(document), SigningTestSupport.PASSPHRASE.toCharArray()));
        run.completion().get(60, TimeUnit.SECONDS);
        long waitUntil = System.nanoTime() + 10_000_000_000L;
        while ("SIGNING".equals(jdbc.queryForObject(
                "SELECT state FROM ikd_day_report WHERE service_point = ? AND day = ?", String.class, POINT, day))
                && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
    }
}
