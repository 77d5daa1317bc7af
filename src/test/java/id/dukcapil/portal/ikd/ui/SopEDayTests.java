package id.dukcapil.portal.ikd.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Image;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.ikd.Activations;
import id.dukcapil.portal.ikd.ArchiveItem;
import id.dukcapil.portal.ikd.IkdApp;
import id.dukcapil.portal.ikd.IkdDayReports;
import id.dukcapil.portal.ikd.Registration;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.ui.StepTimer;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClockLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
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
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * SOP E (seed 004) for one day at the MPP, the citizens' phones through the gateway and the officer at the desk's
 * screen: an activation with the desk reloaded while its QR code was on screen, a failure after the QR code (an
 * expired code scanned, then the PIN locked), a referral and a "try again later" after three failed faces (no QR
 * code shown), a registration refused, the archive. The day's register and report are read back (PDF and Excel):
 * each outcome once in its own row, the figures adding up, and every step's clock as the test's clock made it.
 */
@WithUserDetails("ikd")
class SopEDayTests extends PortalViewTest {

    private static final String POINT = "MPP-SOREANG"; // the demo officer's point
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final Duration FIVE = Duration.ofMinutes(5); // each step of the seed

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired IkdDayReports reports;
    @Autowired TableReportFiles files;
    @Autowired TestClock clock;
    private IkdApp phone;
    private LocalDate day;

    @BeforeEach
    void the_phones() {
        phone = new IkdApp(port, jdbc);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_day_at_the_ikd_desk_every_branch_a_reload_in_the_middle_and_the_register_and_clocks_say_what_happened()
            throws Exception {
        day = LocalDate.now(OFFICE).plusDays(231);
        at("09:00");
        String activated = phone.registered(POINT);
        at("09:03");
        face(activated, true);
        at("09:04");
        IkdDeskView desk = navigate(IkdDeskView.class);
        assertThat(clockOf(desk, activated).reading()).as("each row's step against its standard (issue 54)")
                .isEqualTo("Waktu langkah 1 mnt dari waktu baku 5 mnt");
        click(desk, activated, "qr-");
        assertThat(desk.shown).isNotNull();
        at("09:05");
        desk = reload(IkdDeskView.class);
        assertThat(desk.shown).as("the desk reopens on the QR code it was showing").isNotNull();
        assertThat(desk.qrPanel.getChildren().filter(Image.class::isInstance)).hasSize(1);
        at("09:06");
        assertThat(phone.state(phone.scan(activated, desk.shown.content()))).isEqualTo("PIN_SENT");
        desk.refresh();
        assertThat(desk.qrPanel.getElement().getTextRecursively()).contains("sudah memindai QR Code");
        at("09:09");
        assertThat(phone.state(phone.activate(activated, phone.pinFromTheEmail(activated)))).isEqualTo("ACTIVATED");
        at("09:12");
        desk.refresh();
        click(desk, activated, "archive-");
        ArchiveDialog archive = find(ArchiveDialog.class).single();
        archive.items.setValue(EnumSet.allOf(ArchiveItem.class));
        test(archive.archive).click();
        assertThat(lastNotification()).contains("diarsipkan");

        at("09:15");
        String locked = phone.registered(POINT);
        at("09:17");
        face(locked, true);
        at("09:18");
        desk.refresh(); // the screen's poll: the new registration is on it
        click(desk, locked, "qr-");
        String expired = desk.shown.content();
        at("09:22"); // the code lived three minutes: the phone scans it too late
        phone.assertProblem(phone.scan(locked, expired), 410, "QR_EXPIRED");
        desk.refresh(); // the screen's next poll puts a new code in its place
        assertThat(desk.shown.content()).isNotEqualTo(expired);
        at("09:23");
        assertThat(phone.state(phone.scan(locked, desk.shown.content()))).isEqualTo("PIN_SENT");
        String pin = phone.pinFromTheEmail(locked);
        at("09:24");
        for (int i = 1; i < 5; i++) {
            phone.assertProblem(phone.activate(locked, wrong(pin)), 403, "WRONG_PIN");
        }
        phone.assertProblem(phone.activate(locked, wrong(pin)), 423, "PIN_LOCKED");

        String referred = decidedAfterThreeFailedFaces(desk, 3, "refer-");
        assertThat(lastNotification()).contains("dirujuk");
        String later = decidedAfterThreeFailedFaces(desk, 4, "retry-");
        assertThat(lastNotification()).contains("mencoba lagi di lain waktu");
        assertThat(desk.grid.getListDataView().getItems().map(Registration::code))
                .as("the desk's work is done: nothing left on it").doesNotContain(activated, locked, referred, later);

        at("09:50");
        phone.assertProblem(phone.post("", phone.registration(phone.residentWithPrintedCard(), "warga@contoh.id",
                "12345", POINT)), 422, "INVALID_PHONE");

        // The clocks, step by step, against the seed's five minutes.
        StepClockLog a = clocks(activated);
        a.ranUnexcused(SopStep.E3_SELFIE, time("09:00"), time("09:03"), FIVE);
        a.ranUnexcused(SopStep.E4_SCAN_ACTIVATION_QR, time("09:03"), time("09:06"), FIVE);
        a.ranUnexcused(SopStep.E5_PIN_EMAIL_ACTIVATE, time("09:06"), time("09:09"), FIVE);
        a.ranUnexcused(SopStep.E6_ARCHIVE_AND_REPORT, time("09:09"), time("09:12"), FIVE);
        StepClockLog b = clocks(locked);
        b.ranUnexcused(SopStep.E3_SELFIE, time("09:15"), time("09:17"), FIVE);
        b.ranUnexcused(SopStep.E4_SCAN_ACTIVATION_QR, time("09:17"), time("09:23"), FIVE); // over: the code expired
        b.abandoned(SopStep.E5_PIN_EMAIL_ACTIVATE, time("09:23"), time("09:24"), "PIN locked"); // not activated
        b.never(SopStep.E6_ARCHIVE_AND_REPORT);
        for (String[] faces : List.of(new String[] {referred, "09:30", "09:34", "REFERRED"},
                new String[] {later, "09:40", "09:44", "RETRY_LATER"})) {
            StepClockLog c = clocks(faces[0]);
            // The officer's decision ends it, without the selfie: abandoned, counted apart, never as done in time.
            c.abandoned(SopStep.E3_SELFIE, time(faces[1]), time(faces[2]), faces[3]);
            c.never(SopStep.E4_SCAN_ACTIVATION_QR);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE procedure_code = 'E_IKD_ACTIVATION' "
                + "AND day = ? AND service_point = ? AND ended_at IS NULL", Integer.class, day, POINT))
                .as("every clock of the day ended with the work").isZero();

        TableReport report = reports.mine(day, PortalMessages.INDONESIAN, "ikd/laporan-pdf");
        assertThat(report.tables().get(0).rows()).containsExactly(List.of("Mendaftar", 4L),
                List.of("IKD diaktifkan", 1L), List.of("Diarsipkan", 1L), List.of("Kegagalan", 15L));
        assertThat(report.tables().get(1).rows()).as("failures after her QR codes: the expired one, the PINs")
                .containsExactly(List.of("Fitri Handayani", 1L, 1L, 6L, Duration.ofMinutes(9)));
        assertThat(report.tables().get(2).rows()).containsExactlyInAnyOrder(List.of("Nomor ponsel tidak valid", 1L),
                List.of("Verifikasi wajah gagal", 6L), List.of("QR Code kedaluwarsa", 1L), List.of("PIN salah", 4L),
                List.of("Terkunci setelah PIN salah", 1L), List.of("Dirujuk ke pencatatan", 1L),
                List.of("Diminta mencoba lagi nanti", 1L));
        assertThat(report.tables().get(2).rows().stream().mapToLong(row -> (Long) row.get(1)).sum())
                .as("the failures by reason add up to the summary's").isEqualTo(15L);
        assertThat(report.tables().get(3).rows()).as("the register: each registration once, in order").containsExactly(
                List.of(1L, "09:00", name(activated), masked(activated), "Fitri Handayani", "09:09",
                        "IKD aktif dan diarsipkan"),
                List.of(2L, "09:15", name(locked), masked(locked), "Fitri Handayani", "–", "Terkunci (PIN salah)"),
                List.of(3L, "09:30", name(referred), masked(referred), "Fitri Handayani", "–",
                        "Dirujuk ke pencatatan"),
                List.of(4L, "09:40", name(later), masked(later), "Fitri Handayani", "–",
                        "Diminta mencoba lagi di lain waktu"));
        // The selfies of the referred and the one to try later, and the locked PIN step, did not happen: counted apart.
        assertThat(report.tables().get(4).rows()).extracting(row -> List.of(row.get(0), row.get(1), row.get(4),
                row.get(5), row.get(6), row.get(7))).containsExactly(
                List.of("3. Swafoto verifikasi wajah", 2L, FIVE, "100 %", 0L, 2L),
                List.of("4. Pindai QR aktivasi oleh petugas", 2L, FIVE, "50 %", 0L, 0L),
                List.of("5. PIN lewat e-mail dan aktivasi", 1L, FIVE, "100 %", 0L, 1L),
                List.of("6. Arsip dan laporan harian IKD", 1L, FIVE, "100 %", 0L, 0L));

        try (PDDocument pdf = Loader.loadPDF(files.pdf(report, PortalMessages.INDONESIAN))) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Laporan harian aktivasi IKD (SOP E)");
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Mendaftar 4", "IKD diaktifkan 1", "Diarsipkan 1", "Kegagalan 15",
                    "Register aktivasi IKD hari ini");
            for (String code : List.of(activated, locked, referred, later)) {
                // Its name and masked NIK together: one name may begin another's ("Nining", "Nining Maryani").
                assertThat(text.lines().filter(line -> line.contains(name(code) + " " + masked(code))))
                        .as("the register's line of %s", code)
                        .singleElement().asString().contains("Fitri Handayani");
            }
        }
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        files.xlsx(report, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Sheet summary = workbook.getSheet("Ringkasan");
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(4);
            assertThat(summary.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(15);
            assertThat(workbook.getSheet("Register aktivasi IKD hari ini").getLastRowNum())
                    .as("title, headers, four registrations").isEqualTo(5);
        }
    }

    /**
     * Registered at 09:m0, three failed faces a minute apart, the officer's decision at 09:m4: no QR code shown.
     */
    private String decidedAfterThreeFailedFaces(IkdDeskView desk, int tenMinutes, String decision) throws Exception {
        at("09:" + tenMinutes + "0");
        String code = phone.registered(POINT);
        for (int i = 1; i <= Activations.MAX_FACE_ATTEMPTS; i++) {
            at("09:" + tenMinutes + i);
            face(code, false);
        }
        at("09:" + tenMinutes + "4");
        desk.refresh(); // the screen's poll: the new registration is on it
        click(desk, code, decision);
        return code;
    }

    private void face(String code, boolean passed) throws Exception {
        phone.post("/" + code + "/face-check", passed ? "{\"passed\":true,\"score\":0.93}"
                : "{\"passed\":false,\"score\":0.2}");
    }

    private static String wrong(String pin) {
        return pin.equals("000000") ? "111111" : "000000";
    }

    /** The action of the registration's row on the desk, by its id's prefix. */
    private StepTimer clockOf(IkdDeskView desk, String code) {
        List<String> codes = desk.grid.getListDataView().getItems().map(Registration::code).toList();
        return (StepTimer) test(desk.grid).getCellComponent(codes.indexOf(code), "clock");
    }

    private void click(IkdDeskView desk, String code, String action) {
        List<String> codes = desk.grid.getListDataView().getItems().map(Registration::code).toList();
        assertThat(codes).as("the desk lists the registration").contains(code);
        GridInput.clickAction(desk.grid, codes.indexOf(code), action);
    }

    private void at(String time) {
        clock.setInstant(time(time));
    }

    private Instant time(String time) {
        return day.atTime(LocalTime.parse(time)).atZone(OFFICE).toInstant();
    }

    private StepClockLog clocks(String code) {
        return new StepClockLog(jdbc, code);
    }

    private String name(String code) {
        return jdbc.queryForObject("SELECT full_name FROM ikd_registration WHERE code = ?", String.class, code);
    }

    private String masked(String code) {
        return Nik.of(jdbc.queryForObject("SELECT nik FROM ikd_registration WHERE code = ?", String.class, code))
                .masked();
    }
}
