package id.dukcapil.portal.recording.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.recording.RecordingDayReports;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClockLog;
import id.dukcapil.portal.staff.StaffAccounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * SOP C (seed 002) for one day at a point, through the desks' own screens, every branch once: documents returned
 * (sent a representative), already recorded by the register, queued, a failed central enrolment recorded again, a
 * technical fault at the registration check and at the recording, absent, a failed recording sent back and queued
 * again, a number never called, and the day closed by the registration desk. Each desk is reloaded in the middle of
 * a resident and reopens on them. The day's register and report are read back (PDF and Excel): each branch counted
 * once in its own row, the figures adding up, and every step's clock as the test's clock made it happen.
 */
@WithUserDetails("registrasi")
class SopCDayTests extends PortalViewTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final Duration FIVE = Duration.ofMinutes(5);
    private static final Duration TEN = Duration.ofMinutes(10); // the seed's "5-10 menit": its upper bound

    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired StaffAccounts staffAccounts;
    @Autowired RecordingDayReports reports;
    @Autowired TableReportFiles files;
    @Autowired TestClock clock;

    private LocalDate day;
    private String registrar;
    private String recorder;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_day_at_the_desks_every_branch_reloads_in_the_middle_and_the_register_and_clocks_say_what_happened()
            throws Exception {
        day = LocalDate.now(OFFICE).plusDays(431);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), "Sandi-Kuat-2026");
        recorder = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), "Sandi-Kuat-2026");
        List<String> niks = RecordingTestSupport.residentsToRecord(jdbc, day, 8);
        enrolment(niks.get(1), "BIOMETRICS_CAPTURED"); // recorded elsewhere: the register knows
        enrolment(niks.get(3), "ENROLMENT_FAILED"); // the centre refused the last recording: "perlu direkam ulang"

        // The registration desk, 08:01 to 08:48: one resident after another, minutes as the work takes them.
        Desk returned = register(niks.get(0), d -> d.handsOver(2).check(3, false).returns());
        Desk explained = register(niks.get(1), d -> d.handsOver(1).check(1, true).explains(2));
        Desk c = register(niks.get(2), d -> d.handsOver(1).reload().check(2, true).queues(1, null));
        Desk again = register(niks.get(3), d -> d.handsOver(1).check(1, true).queuesAgain(1));
        Desk faulted = register(niks.get(4), d -> d.handsOver(1).check(1, true)
                .queues(13, "Pemindai sidik jari dimulai ulang"));
        Desk absent = register(niks.get(5), d -> d.handsOver(1).check(1, true).queues(1, null));
        Desk sentBack = register(niks.get(6), d -> d.handsOver(1).check(1, true).queues(1, null));
        Desk neverCalled = register(niks.get(7), d -> d.handsOver(1).check(1, true).queues(1, null));
        assertThat(List.of(c, again, faulted, absent, sentBack, neverCalled)).extracting(desk -> desk.ticket)
                .containsExactly("001", "002", "003", "004", "005", "006");

        // The recording desk from 08:50, one number at a time; reloaded in the middle of the first.
        Calls calls = new Calls();
        at("08:50");
        SignedInAs.run(users, recorder, () -> {
            RecordingDeskView desk = navigate(RecordingDeskView.class);
            desk.deskName.setValue("Meja 1");
            test(desk.callNext).click();
            assertThat(desk.called.id()).isEqualTo(c.visit);
            calls.called(c, "08:50");
            clock.advance(Duration.ofMinutes(3));
            RecordingDeskView reloaded = reload(RecordingDeskView.class);
            assertThat(reloaded.called).as("the desk reopens on its call").isNotNull();
            assertThat(reloaded.called.id()).isEqualTo(c.visit);
            assertThat(reloaded.deskName.getValue()).isEqualTo("Meja 1");
            assertThat(reloaded.callNext.isEnabled()).as("no second number while one is served").isFalse();
            assertThat(reloaded.stepClock.reading()).as("the call's clock, beside the number")
                    .isEqualTo("Waktu langkah 3 mnt dari waktu baku 10 mnt");
            assertThat(reloaded.stepClock.state()).isEqualTo("ok");
        });
        recordAndHand(calls, c, "08:56", null, "08:58");
        callNext(calls, again, "09:00");
        recordAndHand(calls, again, "09:07", null, "09:08");
        callNext(calls, faulted, "09:10");
        // Opened anew (the same view is kept by a navigation to it): the server's reading, as the browser's tick says.
        at("09:18");
        SignedInAs.run(users, recorder, () -> assertThat(reload(RecordingDeskView.class).stepClock.state())
                .as("eight minutes of ten: amber").isEqualTo("near"));
        at("09:21");
        SignedInAs.run(users, recorder, () -> assertThat(reload(RecordingDeskView.class).stepClock.state())
                .as("eleven minutes of ten: red").isEqualTo("over"));
        recordAndHand(calls, faulted, "09:24", "Kamera dimulai ulang", "09:25");
        callNext(calls, absent, "09:26");
        at("09:28");
        SignedInAs.run(users, recorder, () -> {
            navigate(RecordingDeskView.class);
            test(find(Button.class).id("recording-absent")).click();
        });
        callNext(calls, sentBack, "09:30");
        at("09:36");
        SignedInAs.run(users, recorder, () -> {
            navigate(RecordingDeskView.class);
            test(find(Button.class).id("recording-failed")).click();
            ReasonDialog dialog = find(ReasonDialog.class).single();
            dialog.reason.setValue("Sidik jari tidak terbaca");
            test(dialog.confirm).click();
        });
        at("09:40");
        SignedInAs.run(users, registrar, () -> {
            RegistrationDeskView desk = navigate(RegistrationDeskView.class);
            assertThat(desk.sentBack.getListDataView().getItems().map(Visit::id)).containsExactly(sentBack.visit);
            GridInput.clickAction(desk.sentBack, 0, "requeue-");
            assertThat(lastNotification()).contains("005");
        });
        sentBack.queuedAt = at("09:40");
        callNext(calls, sentBack, "09:45");
        at("09:50");
        SignedInAs.run(users, recorder, () -> {
            navigate(RecordingDeskView.class);
            test(find(Button.class).id("recording-recorded")).click(); // the proof is never handed
        });

        // Closing time: the registration desk says what it will close, then closes it.
        at("16:30");
        SignedInAs.run(users, registrar, () -> {
            RegistrationDeskView desk = navigate(RegistrationDeskView.class);
            desk.confirmClose();
            ConfirmDialog confirm = find(ConfirmDialog.class).single();
            assertThat(confirm.getElement().getProperty("message")).contains("1 tidak hadir", "1 menunggu dipanggil",
                    "1 terekam, bukti belum diserahkan");
            test(confirm).reject();
            assertThat(lastNotification()).contains("3");
        });

        // The clocks, step by step, against the seed's standards.
        clocks(returned).ranUnexcused(SopStep.C1_DOCUMENTS_HANDED_OVER, returned.lookedUp, returned.received, FIVE);
        clocks(returned).ranUnexcused(SopStep.C2_REGISTRATION_CHECK, returned.received, returned.ended, TEN);
        clocks(returned).never(SopStep.C3_RECORDING);
        clocks(explained).ranUnexcused(SopStep.C2_REGISTRATION_CHECK, explained.received, explained.ended, TEN);
        clocks(explained).never(SopStep.C3_RECORDING);
        for (Desk queued : List.of(c, again, absent, sentBack, neverCalled)) {
            clocks(queued).ranUnexcused(SopStep.C1_DOCUMENTS_HANDED_OVER, queued.lookedUp, queued.received, FIVE);
            clocks(queued).ranUnexcused(SopStep.C2_REGISTRATION_CHECK, queued.received, queued.ended, TEN);
        }
        assertThat(clocks(faulted).ran(SopStep.C2_REGISTRATION_CHECK, faulted.received, faulted.ended, TEN)
                .excusedReason()).as("fourteen minutes at the check, excused by the fault named")
                .contains("Pemindai sidik jari dimulai ulang");
        clocks(c).ranUnexcused(SopStep.C3_RECORDING, time("08:50"), time("08:56"), TEN);
        clocks(c).ranUnexcused(SopStep.C4_PROOF_HANDED_OVER, time("08:56"), time("08:58"), FIVE);
        clocks(again).ranUnexcused(SopStep.C3_RECORDING, time("09:00"), time("09:07"), TEN);
        assertThat(clocks(faulted).ran(SopStep.C3_RECORDING, time("09:10"), time("09:24"), TEN).excusedReason())
                .contains("Kamera dimulai ulang");
        // Nobody came to the call, and the proof never handed: neither happened, each is counted apart (issue 54).
        clocks(absent).abandoned(SopStep.C3_RECORDING, time("09:26"), time("09:28"), "absent when called");
        StepClockLog twice = clocks(sentBack);
        assertThat(twice.entries(SopStep.C3_RECORDING)).as("the failure and the second call").hasSize(2);
        twice.ran(0, SopStep.C3_RECORDING, time("09:30"), time("09:36"), TEN);
        twice.ran(1, SopStep.C3_RECORDING, time("09:45"), time("09:50"), TEN);
        twice.abandoned(SopStep.C4_PROOF_HANDED_OVER, time("09:50"), time("16:30"), "day closed, left RECORDED");
        clocks(neverCalled).never(SopStep.C3_RECORDING);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step s JOIN recording_visit v ON s.case_id = "
                + "CONCAT('C-', v.id) WHERE v.day = ? AND s.ended_at IS NULL", Integer.class, day))
                .as("the closed day leaves no clock running").isZero();

        TableReport report = SignedInAs.call(users, registrar, () -> reports.mine(day, PortalMessages.INDONESIAN,
                "registrasi/register-pdf"));
        Map<String, Long> figures = figuresOf(pdfText(report));
        assertThat(figures).containsEntry("Kunjungan", 8L).containsEntry("Dokumen dikembalikan", 1L)
                .containsEntry("Sudah terekam", 1L).containsEntry("Diberi nomor antrean", 6L)
                .containsEntry("Terekam", 4L).containsEntry("Perekaman gagal", 1L)
                .containsEntry("Terekam, bukti diserahkan", 3L).containsEntry("Ditutup: tidak hadir", 1L)
                .containsEntry("Ditutup: belum dipanggil", 1L).containsEntry("Ditutup: bukti belum diserahkan", 1L)
                .containsEntry("Tidak hadir", 1L)
                .containsEntry("Panggilan", 6L);
        assertThat(figures.get("Dokumen dikembalikan") + figures.get("Sudah terekam")
                + figures.get("Diberi nomor antrean")).as("each visit one outcome").isEqualTo(figures.get("Kunjungan"));
        assertThat(figures.get("Terekam") + figures.get("Ditutup: tidak hadir")
                + figures.get("Ditutup: belum dipanggil")).as("each number one outcome")
                .isEqualTo(figures.get("Diberi nomor antrean"));
        assertThat(figures.get("Terekam, bukti diserahkan") + figures.get("Ditutup: bukti belum diserahkan"))
                .as("each recording's proof handed or its visit closed").isEqualTo(figures.get("Terekam"));
        assertThat((long) calls.count).as("the test's own calls").isEqualTo(figures.get("Panggilan"));

        assertThat(report.tables().get(1).rows()).as("the desk recorded what the summary says it recorded")
                .containsExactly(List.of("Meja 1", 5L, 4L, 1L, 0L));
        // Each step: how many ran, the seed's standard, the share within it, the overruns a fault excused, and those
        // abandoned (the absent's call, the proof never handed), apart.
        assertThat(report.tables().get(2).rows()).extracting(row -> List.of(row.get(0), row.get(1), row.get(4),
                row.get(5), row.get(6), row.get(7))).containsExactly(
                List.of("1. Penyerahan dokumen persyaratan", 8L, FIVE, "100 %", 0L, 0L),
                List.of("2. Pemeriksaan operator registrasi dan nomor antrian", 8L, TEN, "88 %", 1L, 0L),
                List.of("3. Perekaman biometrik", 5L, TEN, "80 %", 1L, 1L),
                List.of("4. Penyerahan bukti perekaman", 3L, FIVE, "100 %", 0L, 1L));
        assertThat(report.tables().get(3).rows()).containsExactly(List.of("Panggilan", 6L),
                List.of("Rata-rata menunggu", calls.waited.dividedBy(6)), List.of("Paling lama menunggu", calls.longest));
        List<List<Object>> register = report.tables().get(4).rows();
        assertThat(register).hasSize(8);
        assertThat(register).extracting(row -> row.get(3)).as("each visit once, in the order they came")
                .containsExactlyElementsOf(niks.stream().map(nik -> (Object) Nik.of(nik).masked()).toList());
        assertThat(register).extracting(row -> row.get(0)).containsExactly("08:01", "08:07", "08:12", "08:17",
                "08:21", "08:37", "08:41", "08:45");
        assertThat(register.get(0).get(4).toString()).contains("Dokumen dikembalikan");
        assertThat(register.get(1).get(4).toString()).contains("Sudah terekam");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        files.xlsx(report, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Map<String, Double> summary = new HashMap<>();
            Sheet sheet = workbook.getSheet("Ringkasan");
            for (Row row : sheet) {
                if (row.getRowNum() > 1) {
                    summary.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
            figures.forEach((item, n) -> {
                if (summary.containsKey(item)) {
                    assertThat(summary.get(item)).as("the workbook says %s as the PDF", item).isEqualTo(n.doubleValue());
                }
            });
            assertThat(summary).containsEntry("Kunjungan", 8.0).containsEntry("Ditutup: bukti belum diserahkan", 1.0);
            assertThat(workbook.getSheet("Register harian (BHPPK)").getLastRowNum()).as("title, headers, 8 visits")
                    .isEqualTo(9);
        }
    }

    /** One resident at the registration desk, from the lookup to the number or the documents back. */
    final class Desk {
        final String nik;
        RegistrationDeskView view;
        Instant lookedUp;
        Instant received;
        Instant ended;
        Instant queuedAt;
        long visit;
        String ticket;

        Desk(String nik) {
            this.nik = nik;
        }

        Desk handsOver(int minutes) {
            view = navigate(RegistrationDeskView.class);
            lookedUp = clock.instant();
            test(view.nik).setValue(nik);
            test(find(Button.class).id("recording-find")).click();
            clock.advance(Duration.ofMinutes(minutes));
            test(find(Button.class).id("recording-received")).click();
            received = clock.instant();
            visit = view.visit.id();
            return this;
        }

        /** The page opened anew in the middle of the check: the desk reopens on the resident's documents. */
        Desk reload() {
            view = SopCDayTests.this.reload(RegistrationDeskView.class);
            assertThat(view.visit).as("the desk reopens on the resident").isNotNull();
            assertThat(view.visit.id()).isEqualTo(visit);
            assertThat(find(Button.class).id("recording-documents-ok")).isNotNull();
            assertThat(view.stepClock.reading()).as("the check's clock, beside the resident's name")
                    .isEqualTo("Waktu langkah 0 mnt dari waktu baku 10 mnt");
            return this;
        }

        Desk check(int minutes, boolean inPerson) {
            clock.advance(Duration.ofMinutes(minutes));
            view.inPerson.setValue(inPerson);
            view.documents.setValue(Set.copyOf(view.documents.getListDataView().getItems().toList()));
            if (inPerson) {
                test(find(Button.class).id("recording-documents-ok")).click();
            }
            return this;
        }

        Desk returns() {
            test(find(Button.class).id("recording-return")).click();
            ended = clock.instant();
            return this;
        }

        Desk explains(int minutes) {
            assertThat(find(Paragraph.class).id("recording-need").getText()).contains("sudah terekam");
            clock.advance(Duration.ofMinutes(minutes));
            test(find(Button.class).id("recording-already-recorded")).click();
            ended = clock.instant();
            assertThat(find(Paragraph.class).id("recording-explanation").getText()).isNotBlank();
            return this;
        }

        Desk queues(int minutes, String fault) {
            clock.advance(Duration.ofMinutes(minutes));
            if (fault != null) {
                view.fault.setValue(fault);
            }
            test(find(Button.class).id("recording-not-recorded")).click();
            ended = clock.instant();
            queuedAt = ended;
            ticket = find(Span.class).id("recording-ticket").getText();
            return this;
        }

        Desk queuesAgain(int minutes) {
            assertThat(find(Paragraph.class).id("recording-need").getText()).contains("direkam ulang");
            assertThat(find(Button.class).all()).extracting(button -> button.getId().orElse(""))
                    .doesNotContain("recording-already-recorded");
            return queues(minutes, null);
        }
    }

    /** The waiting room as the test made it: each call ends a wait that began at the number. */
    final class Calls {
        int count;
        Duration waited = Duration.ZERO;
        Duration longest = Duration.ZERO;

        void called(Desk desk, String at) {
            Duration wait = Duration.between(desk.queuedAt, time(at));
            count++;
            waited = waited.plus(wait);
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
    }

    private Desk register(String nik, java.util.function.UnaryOperator<Desk> work) {
        clock.advance(Duration.ofMinutes(1)); // the next resident steps up
        Desk desk = new Desk(nik);
        SignedInAs.run(users, registrar, () -> work.apply(desk));
        return desk;
    }

    private void callNext(Calls calls, Desk expected, String at) {
        at(at);
        SignedInAs.run(users, recorder, () -> {
            RecordingDeskView desk = navigate(RecordingDeskView.class);
            test(desk.callNext).click();
            assertThat(desk.called.id()).isEqualTo(expected.visit);
        });
        calls.called(expected, at);
    }

    private void recordAndHand(Calls calls, Desk desk, String recordedAt, String fault, String handedAt) {
        at(recordedAt);
        SignedInAs.run(users, recorder, () -> {
            RecordingDeskView view = navigate(RecordingDeskView.class);
            assertThat(view.called.id()).isEqualTo(desk.visit);
            if (fault != null) {
                find(TextField.class).id("recording-fault").setValue(fault);
            }
            test(find(Button.class).id("recording-recorded")).click();
            at(handedAt);
            int row = view.toHand.getListDataView().getItems().map(Visit::id).toList().indexOf(desk.visit);
            GridInput.clickAction(view.toHand, row, "handed-");
        });
    }

    private Instant at(String time) {
        clock.setInstant(time(time));
        return clock.instant();
    }

    private Instant time(String time) {
        return day.atTime(java.time.LocalTime.parse(time)).atZone(OFFICE).toInstant();
    }

    private StepClockLog clocks(Desk desk) {
        return new StepClockLog(jdbc, "C-" + desk.visit);
    }

    private String pdfText(TableReport report) throws java.io.IOException {
        try (PDDocument pdf = Loader.loadPDF(files.pdf(report, PortalMessages.INDONESIAN))) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Laporan harian perekaman KTP-el (SOP C)");
            return new PDFTextStripper().getText(pdf);
        }
    }

    /** "Label 12" lines of the PDF: the summary's and the waiting room's figures, the first of each label. */
    private static Map<String, Long> figuresOf(String text) {
        Map<String, Long> figures = new HashMap<>();
        Matcher line = Pattern.compile("(?m)^(\\D.*?) (\\d+)$").matcher(text);
        while (line.find()) {
            figures.putIfAbsent(line.group(1).strip(), Long.parseLong(line.group(2)));
        }
        return figures;
    }

    private void enrolment(String nik, String status) {
        jdbc.update("UPDATE population_resident SET enrolment_status = ? WHERE nik = ?", status, nik);
    }
}
