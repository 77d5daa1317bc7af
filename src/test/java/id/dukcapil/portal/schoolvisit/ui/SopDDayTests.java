package id.dukcapil.portal.schoolvisit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.reports.DailySummaries;
import id.dukcapil.portal.schoolvisit.Handover;
import id.dukcapil.portal.schoolvisit.HandoverDocuments;
import id.dukcapil.portal.schoolvisit.Handovers;
import id.dukcapil.portal.schoolvisit.OpenHandover;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolReports;
import id.dukcapil.portal.schoolvisit.SchoolVisit;
import id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.schoolvisit.StudentState;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.signing.BatchRun;
import id.dukcapil.portal.signing.BatchSigning;
import id.dukcapil.portal.signing.SigningTestSupport;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClockLog;
import id.dukcapil.portal.staff.StaffAccounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP D (seed 003) as a school lives it: the coordination (the school's list in, the visit scheduled), the field day
 * on the field screen — a card printed before, recorded before and printed on site, recorded but never sent to the
 * centre, never recorded (a technical failure, then recorded and printed), the registry corrected from the birth
 * certificate and the card left for the 17th birthday, a student not yet 16 on the day — the birthday print and the
 * handover record at the print desk, signed by the Kepala Dinas, the school's receipt. The field screen and the
 * print desk are reloaded in the middle of their work and reopen on it. The visit's and the day's reports and the
 * handover record are read back, each branch counted once, the figures adding up, every step's clock as it ran.
 */
class SopDDayTests extends PortalViewTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired Schools schools;
    @Autowired VisitPlanner planner;
    @Autowired BlankoStock blanko;
    @Autowired PopulationRegistry registry;
    @Autowired Handovers handovers;
    @Autowired HandoverDocuments handoverDocuments;
    @Autowired SchoolReports schoolReports;
    @Autowired DailySummaries dailySummaries;
    @Autowired TableReportFiles files;
    @Autowired BatchSigning batches;
    @Autowired SigningTestSupport signing;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private LocalDate day;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_school_visit_from_coordination_to_the_schools_receipt_every_branch_and_every_clock() throws Exception {
        // Far enough ahead that its students are none the other tests of SOP D draw (their days are within 230 days,
        // their students 16 to 18 then): the register's print-ready 16-year-olds are few.
        LocalDate visitDay = LocalDate.now(OFFICE).plusDays(640);
        while (visitDay.getDayOfWeek() == DayOfWeek.SATURDAY || visitDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            visitDay = visitDay.plusDays(1);
        }
        LocalDate rosterDay = visitDay.plusDays(60); // the day first thought of when the school's list came in
        String plannerName = staffAccounts.create(Set.of(Role.PLANNER), PASSWORD);
        String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), PASSWORD);
        String printer = staffAccounts.create(Set.of(Role.PRINT_OPERATOR), PASSWORD);
        LocalDate v = visitDay;
        // Seventeen on the day; what the register says of each as the day begins.
        List<String[]> seventeen = SchoolVisitTestSupport.residents(jdbc, v.minusYears(18),
                v.minusYears(17).minusDays(1), "NOT_RECORDED", 4);
        String[] printed = enrolment(seventeen.get(0), "PRINT_READY");
        String[] recorded = enrolment(seventeen.get(1), "PRINT_READY");
        String[] notSent = enrolment(seventeen.get(2), "BIOMETRICS_CAPTURED");
        String[] fresh = seventeen.get(3);
        String[] birthday = one(v.minusYears(17).plusDays(1), v.minusYears(17).plusDays(120), "NOT_RECORDED");
        String[] young = one(v.minusYears(16).plusDays(1), rosterDay.minusYears(16), "NOT_RECORDED");
        LocalDate seventeenth = LocalDate.parse(birthday[2], DATE).plusYears(17);

        // Step 1, a week before, on the planner's screens: the school's list comes in at 09:00 (the coordination
        // begins), the visit is scheduled on the calendar at 09:25.
        day = visitDay.minusDays(7);
        at("08:00");
        SignedInAs.run(users, printer, () -> registry.recordCardPrint(Nik.of(printed[0]), "DINAS",
                CardPrintReason.FIRST)); // at the Dinas, before the school's visit
        School school = SchoolVisitTestSupport.school(schools, users, plannerName, jdbc);
        String kit = SchoolVisitTestSupport.kit(planner, users, plannerName, school);
        at("09:00");
        SignedInAs.run(users, plannerName, () -> {
            SchoolsView schoolsView = navigate(SchoolsView.class);
            schoolsView.search.setValue(school.npsn());
            schoolsView.show(school);
            schoolsView.visitDay.setValue(rosterDay);
            schoolsView.imported(school, SchoolVisitTestSupport.rosterOf(
                    List.of(printed, recorded, notSent, fresh, birthday, young)));
            assertThat(lastNotification()).contains("6 siswa baru", "0 baris salah");
            at("09:25");
            navigate(VisitCalendarView.class);
            ScheduleDialog.schedule(this, school, v, officer, kit);
            assertThat(lastNotification()).contains(school.name(), "dijadwalkan");
        });
        SchoolVisit visit = SignedInAs.call(users, plannerName, () -> planner.between(v, v)).stream()
                .filter(planned -> planned.schoolId() == school.id()).findFirst().orElseThrow();
        SignedInAs.run(users, plannerName, () -> blanko.receive("DINAS", 6, "Kiriman uji hari sekolah"));

        // The field day.
        day = visitDay;
        at("07:00");
        SignedInAs.run(users, officer, () -> {
            FieldView field = navigate(FieldView.class);
            field.cards.setValue(6);
            test(find(Button.class).id("field-set-out")).click();
            at("08:30");
            test(find(Button.class).id("field-ready")).click();

            at("08:31");
            pick(field, printed);
            click("field-begin");
            at("08:33");
            assertThat(find(Paragraph.class).id("field-cards-printed").getText()).contains("tidak dicetak lagi");
            click("field-status-checked");
            assertThat(find(Button.class).withId("field-print").exists()).as("never a second card").isFalse();

            // The next student is one tap away, found by a part of the name typed (issue 54).
            String part = recorded[1].substring(0, Math.min(6, recorded[1].length())).strip()
                    .toLowerCase(java.util.Locale.ROOT);
            test(field.rosterSearch).setValue(part);
            assertThat(field.roster.getListDataView().getItems().map(Student::fullName))
                    .allSatisfy(name -> assertThat(name.toLowerCase(java.util.Locale.ROOT)).contains(part))
                    .contains(recorded[1]);
            test(field.rosterSearch).setValue("");
            assertThat(field.roster.getListDataView().getItems()).hasSize(6);
            assertThat(find(Button.class).id("field-next").getText()).startsWith("Siswa berikutnya: ");
            click("field-next");
            assertThat(field.current.student().nik()).as("the next one not yet seen").isNotEqualTo(printed[0]);
            assertThat(field.current.student().fieldStep()).isNull();

            at("08:35");
            pick(field, recorded);
            click("field-begin");
            at("08:38");
            click("field-status-checked");
            at("08:40");
            click("field-print");

            at("08:41");
            pick(field, notSent);
            click("field-begin");
            at("08:43");
            click("field-status-checked");
            assertThat(field.studentPanel.getElement().getTextRecursively()).contains("belum dikirim ke database pusat");
            at("08:44");
            click("field-send");
            at("08:45");
            click("field-print-ready");
            at("08:47");
            click("field-print");

            at("08:48");
            pick(field, fresh);
            click("field-begin");
            at("08:50");
            click("field-status-checked");
            at("08:53");
            click("field-matches");
        });
        // The tablet's page is opened anew in the middle of the recording: the screen reopens on the student.
        at("09:00");
        SignedInAs.run(users, officer, () -> {
            FieldView field = reload(FieldView.class);
            assertThat(field.current).as("the field screen reopens on the student it was recording").isNotNull();
            assertThat(field.current.student().nik()).isEqualTo(fresh[0]);
            assertThat(field.stepClock.reading()).as("the recording's clock beside the student's name (issue 54)")
                    .isEqualTo("Waktu langkah 7 mnt dari waktu baku 20 mnt");
            assertThat(field.stepClock.state()).isEqualTo("ok");
            at("09:18");
            test(find(TextField.class).id("field-failure-reason")).setValue("Pemindai iris tidak terbaca");
            click("field-recording-failed");
            at("09:30");
            click("field-recorded");
            at("09:31");
            click("field-print-ready");
            at("09:33");
            click("field-print");

            at("09:35");
            pick(field, birthday);
            click("field-begin");
            at("09:37");
            click("field-status-checked");
            at("09:40");
            click("field-differs");
            at("09:46");
            test(find(TextField.class).id("fix-father")).setValue("Ahmad Fauzi Rahman");
            find(com.vaadin.flow.component.textfield.TextArea.class).id("fix-note")
                    .setValue("Nama ayah menurut akta kelahiran");
            click("field-save-correction");
            at("10:00");
            click("field-recorded");
            assertThat(field.studentPanel.getElement().getTextRecursively()).doesNotContain("Cetak KTP-el");

            at("10:05");
            pick(field, young);
            assertThat(find(Paragraph.class).id("field-under-16").getText()).contains(DATE.format(v));
            assertThat(find(Button.class).withId("field-begin").exists()).as("not recorded before 16").isFalse();

            at("10:10");
            click("field-close");
            test(find(ConfirmDialog.class).single()).confirm();
        });

        // The 17th birthday at the print desk: the centre's answer at 08:55 (step 7 begins: the card can be printed), to
        // the printer at 09:00, the page reloaded, the card out at 09:04.
        day = seventeenth;
        at("08:55");
        long birthdayStudent = studentId(birthday[0]);
        SignedInAs.run(users, printer, () -> {
            PrintQueueView desk = navigate(PrintQueueView.class);
            clickIn(desk, birthdayStudent, "ready-"); // the centre's answer: print-ready
            at("09:00");
            clickIn(desk, birthdayStudent, "print-");
            at("09:02");
            PrintQueueView reloaded = reload(PrintQueueView.class);
            assertThat(cardsOf(reloaded)).as("the card still at the printer is on the reopened desk")
                    .contains(birthdayStudent);
            clickIn(reloaded, birthdayStudent, "print-");
            at("09:04");
            test(find(ConfirmDialog.class).id("print-confirm")).confirm();
            assertThat(cardsOf(reloaded)).doesNotContain(birthdayStudent);

            at("10:00");
            reloaded.school.setValue(school);
            test(find(Button.class).id("handover-prepare")).click();
            assertThat(find(Paragraph.class).id("handover-waiting-signature").getText()).contains("Kepala Dinas");
        });
        Handover made = SignedInAs.call(users, printer, () -> handovers.ofSchool(school.id())).getFirst();
        assertThat(made.cards()).as("recorded before, not sent, never recorded, the birthday's").isEqualTo(4);

        // The Kepala Dinas signs at 13:00; the print desk, opened anew at 13:20, records the school's receipt at 13:25.
        at("13:00");
        // With a certificate valid on this day ahead: the one other tests left active may end before it.
        signing.uploadCertificate(Instant.now().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(30)));
        BatchRun run = SignedInAs.call(users, "kadis", () -> batches.start(List.of(made.documentId()),
                SigningTestSupport.PASSPHRASE.toCharArray()));
        run.completion().get(60, TimeUnit.SECONDS);
        SchoolVisitTestSupport.awaitSigned(jdbc, made.id());
        at("13:20");
        SignedInAs.run(users, printer, () -> {
            PrintQueueView desk = reload(PrintQueueView.class);
            assertThat(desk.open.getListDataView().getItems().filter(record -> record.id() == made.id()))
                    .singleElement().satisfies(record -> assertThat(record.signed()).isTrue());
            List<OpenHandover> rows = desk.open.getListDataView().getItems().toList();
            int row = rows.indexOf(rows.stream().filter(record -> record.id() == made.id()).findFirst().orElseThrow());
            GridInput.clickAction(desk.open, row, "handover-open-");
            at("13:25");
            test(find(TextField.class).id("handover-receiver")).setValue("Dra. Rina Marlina");
            test(find(Button.class).id("handover-received")).click();
            assertThat(lastNotification()).contains(made.number(), "Dra. Rina Marlina");
        });

        // Every step's clock against the seed's standard.
        day = visitDay.minusDays(7);
        StepClockLog visitClock = new StepClockLog(jdbc, "D-V" + visit.id());
        visitClock.ranUnexcused(SopStep.D1_COORDINATION, time("09:00"), time("09:25"), Duration.ofMinutes(30));
        day = visitDay;
        visitClock.ranUnexcused(SopStep.D2_PREPARATION_AND_VISIT, time("07:00"), time("08:30"), Duration.ofHours(2));
        StepClockLog p = student(printed);
        p.ranUnexcused(SopStep.D3_RECORDING_STATUS, time("08:31"), time("08:33"), Duration.ofMinutes(5));
        p.never(SopStep.D7_PRINT);
        StepClockLog r = student(recorded);
        r.ranUnexcused(SopStep.D3_RECORDING_STATUS, time("08:35"), time("08:38"), Duration.ofMinutes(5));
        r.never(SopStep.D4_SIAK_CHECK);
        r.ranUnexcused(SopStep.D7_PRINT, time("08:38"), time("08:40"), Duration.ofMinutes(5));
        StepClockLog n = student(notSent);
        n.ranUnexcused(SopStep.D3_RECORDING_STATUS, time("08:41"), time("08:43"), Duration.ofMinutes(5));
        // Step 7 begins when the card can be printed: at the centre's print-ready answer, not at the status check
        // (the enrolment's wait, days in real life, is no printing).
        n.ranUnexcused(SopStep.D7_PRINT, time("08:45"), time("08:47"), Duration.ofMinutes(5));
        StepClockLog m = student(fresh);
        m.ranUnexcused(SopStep.D3_RECORDING_STATUS, time("08:48"), time("08:50"), Duration.ofMinutes(5));
        m.ranUnexcused(SopStep.D4_SIAK_CHECK, time("08:50"), time("08:53"), Duration.ofMinutes(5));
        m.never(SopStep.D5_SIAK_UPDATE);
        assertThat(m.entries(SopStep.D6_RECORDING)).as("the failed attempt and the recording").hasSize(2);
        assertThat(m.ran(0, SopStep.D6_RECORDING, time("08:53"), time("09:18"), Duration.ofMinutes(20))
                .excusedReason()).contains("Pemindai iris tidak terbaca");
        m.ran(1, SopStep.D6_RECORDING, time("09:18"), time("09:30"), Duration.ofMinutes(20));
        m.ranUnexcused(SopStep.D7_PRINT, time("09:31"), time("09:33"), Duration.ofMinutes(5));
        StepClockLog b = student(birthday);
        b.ranUnexcused(SopStep.D3_RECORDING_STATUS, time("09:35"), time("09:37"), Duration.ofMinutes(5));
        b.ranUnexcused(SopStep.D4_SIAK_CHECK, time("09:37"), time("09:40"), Duration.ofMinutes(5));
        b.ranUnexcused(SopStep.D5_SIAK_UPDATE, time("09:40"), time("09:46"), Duration.ofMinutes(10));
        b.ranUnexcused(SopStep.D6_RECORDING, time("09:46"), time("10:00"), Duration.ofMinutes(20));
        day = seventeenth;
        b.ranUnexcused(SopStep.D7_PRINT, time("08:55"), time("09:04"), Duration.ofMinutes(5)); // from the answer
        new StepClockLog(jdbc, "D-H" + made.id()).ranUnexcused(SopStep.D8_HANDOVER, time("13:00"), time("13:25"),
                Duration.ofMinutes(30));
        student(young).never(SopStep.D3_RECORDING_STATUS);

        // The visit's report: each student once, the figures adding up.
        TableReport report = SignedInAs.call(users, plannerName,
                () -> schoolReports.visit(visit.id(), PortalMessages.INDONESIAN, "jadwal-sekolah/laporan-pdf"));
        List<List<Object>> figures = report.tables().getFirst().rows();
        assertThat(figures).extracting(row -> row.get(1)).as("roster, recorded here, recorded before, waiting, "
                + "printed, handed over, ended, corrected").containsExactly(6L, 2L, 3L, 0L, 4L, 4L, 1L, 1L);
        List<List<Object>> seen = report.tables().getLast().rows();
        assertThat(seen).extracting(row -> row.get(1)).as("the students the team saw, each once")
                .containsExactlyInAnyOrderElementsOf(List.of(printed, recorded, notSent, fresh, birthday).stream()
                        .map(s -> (Object) Nik.of(s[0]).masked()).toList());
        assertThat((long) seen.size()).as("seen = recorded here + recorded before")
                .isEqualTo((Long) figures.get(1).get(1) + (Long) figures.get(2).get(1));
        assertThat((Long) figures.get(3).get(1) + (Long) figures.get(4).get(1) + (Long) figures.get(6).get(1))
                .as("seen = waiting + printed + ended").isEqualTo(seen.size());
        assertThat((Long) figures.get(5).get(1)).as("every card printed handed over").isEqualTo(figures.get(4).get(1));
        try (PDDocument pdf = Loader.loadPDF(files.pdf(report, PortalMessages.INDONESIAN))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(report.title(), "Siswa dalam daftar 6", "Direkam di sekolah 2",
                    "Sudah terekam sebelumnya 3", "Diserahkan ke sekolah 4", "Data SIAK diperbaiki dari akta 1");
        }
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        files.xlsx(report, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(6);
            assertThat(sheet.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(4);
        }

        // The field day's report: the step table counts each branch's steps once, judged against the seed.
        byte[] dayPdf = SignedInAs.call(users, "manajer",
                () -> dailySummaries.pdf(Procedure.D_SCHOOL_VISIT, "DINAS", v, PortalMessages.INDONESIAN));
        try (PDDocument pdf = Loader.loadPDF(dayPdf)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Laporan harian perekaman di sekolah (SOP D)", "Kunjungan 1",
                    "Direkam di sekolah 2", "Sudah terekam sebelumnya 3", "Data SIAK diperbaiki dari akta 1",
                    "Tercetak 3");
        }

        // The handover record: four cards, the Kepala Dinas's signature, the school's receiver.
        try (PDDocument pdf = Loader.loadPDF(SignedInAs.call(users, printer,
                () -> handoverDocuments.pdf(made.id())))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(made.number());
            for (String[] handed : List.of(recorded, notSent, fresh, birthday)) {
                assertThat(text).contains(Nik.of(handed[0]).masked());
            }
            // The card printed before is not handed over again: its masked NIK shows only as often as students handed
            // over share that mask (a mask hides the birth date: two students of one district may share it).
            String mask = Nik.of(printed[0]).masked();
            long sharing = List.of(recorded, notSent, fresh, birthday).stream()
                    .filter(handed -> Nik.of(handed[0]).masked().equals(mask)).count();
            assertThat(text.split(java.util.regex.Pattern.quote(mask), -1).length - 1L).isEqualTo(sharing);
        }
        assertThat(SignedInAs.call(users, printer, () -> handovers.find(made.id())).students())
                .extracting(Student::state).containsOnly(StudentState.HANDED_OVER);
    }

    /** A student on the field screen, chosen from the roster. */
    private void pick(FieldView field, String[] student) {
        field.roster.select(field.roster.getListDataView().getItems().filter(s -> s.nik().equals(student[0]))
                .findFirst().orElseThrow());
    }

    private void click(String id) {
        test(find(Button.class).id(id)).click();
    }

    private void clickIn(PrintQueueView desk, long studentId, String prefix) {
        List<Long> cards = cardsOf(desk);
        assertThat(cards).contains(studentId);
        GridInput.clickAction(desk.queue, cards.indexOf(studentId), prefix);
    }

    private List<Long> cardsOf(PrintQueueView desk) {
        var queue = test(desk.queue);
        return java.util.stream.IntStream.range(0, queue.size()).mapToObj(row -> queue.getRow(row).student().id())
                .toList();
    }

    private String[] one(LocalDate bornFrom, LocalDate bornTo, String status) {
        return SchoolVisitTestSupport.residents(jdbc, bornFrom, bornTo, status, 1).getFirst();
    }

    /** The register's enrolment status of a resident, as a recording made elsewhere left it. */
    private String[] enrolment(String[] resident, String status) {
        jdbc.update("UPDATE population_resident SET enrolment_status = ? WHERE nik = ?", status, resident[0]);
        return resident;
    }

    private long studentId(String nik) {
        return jdbc.queryForObject("SELECT id FROM schoolvisit_student WHERE nik = ?", Long.class, nik);
    }

    private StepClockLog student(String[] student) {
        return new StepClockLog(jdbc, "D-S" + studentId(student[0]));
    }

    private Instant at(String time) {
        clock.setInstant(time(time));
        return clock.instant();
    }

    private Instant time(String time) {
        return day.atTime(LocalTime.parse(time)).atZone(OFFICE).toInstant();
    }
}
