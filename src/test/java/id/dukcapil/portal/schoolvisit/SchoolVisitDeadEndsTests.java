package id.dukcapil.portal.schoolvisit;

import static id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport.DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
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
 * SOP D as issue 35 found it walked: the seed's rules kept on the field screen (a card printed anywhere is never
 * printed again; 16 on the real day of the visit), and no student or handover left where nothing can be done.
 */
@PortalTest
class SchoolVisitDeadEndsTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";
    private static final String POINT = "DINAS";

    @Autowired Schools schools;
    @Autowired RosterImport rosterImport;
    @Autowired VisitPlanner planner;
    @Autowired FieldDesk field;
    @Autowired VisitDesk visitDesk;
    @Autowired EnrolmentAnswers enrolment;
    @Autowired BirthdayPrintQueue printQueue;
    @Autowired Handovers handovers;
    @Autowired SchoolReports schoolReports;
    @Autowired id.dukcapil.portal.shared.report.TableReportFiles reportFiles;
    @Autowired BlankoStock blanko;
    @Autowired PopulationRegistry registry;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_student_whose_card_was_printed_at_the_dinas_is_never_printed_again_from_a_school_visit() {
        String plannerName = account(Role.PLANNER);
        String officer = account(Role.FIELD_OFFICER);
        String printer = account(Role.PRINT_OPERATOR);
        LocalDate day = LocalDate.now(OFFICE).plusDays(30 + Math.floorMod(System.nanoTime(), 200));
        // Both 17 and print-ready; one got the card at the Dinas before the visit, one after it, before the birthday
        // print at the office.
        List<String[]> printReady = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18),
                day.minusYears(17).minusDays(1), "PRINT_READY", 2);
        String[] printedBefore = printReady.get(0);
        String[] printedMeanwhile = printReady.get(1);
        SignedInAs.run(users, printer, () -> registry.recordCardPrint(Nik.of(printedBefore[0]), POINT,
                CardPrintReason.FIRST));
        var arranged = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer, day,
                printReady, jdbc);
        long visitId = arranged.visit().id();
        clock.setInstant(day.atTime(7, 0).atZone(OFFICE).toInstant());
        SignedInAs.run(users, plannerName, () -> blanko.receive(POINT, 5, "Kiriman uji cetak ganda"));
        SignedInAs.run(users, officer, () -> {
            visitDesk.setOut(visitId, 2);
            visitDesk.ready(visitId);
        });
        List<Student> roster = SignedInAs.call(users, officer, () -> field.roster(visitId));
        long before = idOf(roster, printedBefore[0]);
        long meanwhile = idOf(roster, printedMeanwhile[0]);

        // Step 3: the screen shows the card printed before; the finding ends SOP D for the student, with the reason.
        FieldStudent begun = SignedInAs.call(users, officer, () -> field.begin(visitId, before));
        assertThat(begun.cardsPrinted()).hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        FieldStudent found = SignedInAs.call(users, officer, () -> field.statusChecked(visitId, before));
        assertThat(found.student().state()).isEqualTo(StudentState.ENDED);
        assertThat(found.student().endReason()).isEqualTo(EndReason.CARD_PRINTED_BEFORE);
        FieldStudent again = SignedInAs.call(users, officer, () -> field.printOnSite(visitId, before));
        assertThat(again.student().state()).as("a repeated tap prints nothing").isEqualTo(StudentState.ENDED);
        assertThat(registry.cardHistory(Nik.of(printedBefore[0]))).hasSize(1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM sla_step WHERE case_id = ? AND step = 'D3_RECORDING_STATUS'
                AND ended_at IS NOT NULL""", Integer.class, "D-S" + before)).isOne();

        // The other one is found recorded, waits for printing; the Dinas prints the card before the team does.
        SignedInAs.run(users, officer, () -> {
            field.begin(visitId, meanwhile);
            field.statusChecked(visitId, meanwhile);
        });
        SignedInAs.run(users, printer, () -> registry.recordCardPrint(Nik.of(printedMeanwhile[0]), POINT,
                CardPrintReason.FIRST));
        FieldStudent notPrinted = SignedInAs.call(users, officer, () -> field.printOnSite(visitId, meanwhile));
        assertThat(notPrinted.student().state()).isEqualTo(StudentState.ENDED);
        assertThat(registry.cardHistory(Nik.of(printedMeanwhile[0]))).hasSize(1);
        assertThat(SignedInAs.call(users, officer, () -> visitDesk.visit(visitId)).cardsPrinted())
                .as("no blank card used").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE case_id = ? AND ended_at IS NULL",
                Integer.class, "D-S" + meanwhile)).as("step 7 does not stay open").isZero();

        // The visit's report accounts for both: seen, neither waiting nor printed, ended; its figures add up.
        SchoolFigures figures = SignedInAs.call(users, plannerName, () -> schoolReports.figures(arranged.school().id()));
        assertThat(figures.ended()).isEqualTo(2);
        assertThat(figures.recordedHere() + figures.alreadyRecorded())
                .isEqualTo(figures.waiting() + figures.printed() + figures.ended());
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(SignedInAs.call(users, plannerName, () -> reportFiles.pdf(
                schoolReports.visit(visitId, id.dukcapil.portal.shared.i18n.PortalMessages.INDONESIAN,
                        "jadwal-sekolah/laporan-pdf"),
                id.dukcapil.portal.shared.i18n.PortalMessages.INDONESIAN)))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains(
                    "Laporan kunjungan perekaman di sekolah (SOP D)", "Sudah terekam sebelumnya 2",
                    "Selesai tanpa cetak");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }

        // Nothing of theirs is handed over to the school.
        assertThatThrownBy(() -> SignedInAs.call(users, officer, () -> handovers.prepare(arranged.school().id())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.error.nothing-to-hand-over");
    }

    @Test
    void the_office_print_queue_does_not_print_a_card_printed_elsewhere_meanwhile() {
        WaitingForBirthday waiting = waitingForBirthday();
        String printer = waiting.printer();
        String[] student = waiting.student();
        long id = waiting.studentId();
        SignedInAs.run(users, printer, () -> registry.recordCardPrint(Nik.of(student[0]), POINT,
                CardPrintReason.FIRST));
        Student done = SignedInAs.call(users, printer, () -> printQueue.startPrint(id));
        assertThat(done.state()).as("told before a blank card goes in").isEqualTo(StudentState.ENDED);
        done = SignedInAs.call(users, printer, () -> printQueue.print(id));
        assertThat(done.state()).isEqualTo(StudentState.ENDED);
        assertThat(done.endReason()).isEqualTo(EndReason.CARD_PRINTED_BEFORE);
        assertThat(registry.cardHistory(Nik.of(student[0]))).hasSize(1);
    }

    @Test
    void a_birthday_print_is_timed_from_the_card_sent_to_the_printer_to_the_card_in_hand() {
        WaitingForBirthday waiting = waitingForBirthday();
        String printer = waiting.printer();
        long id = waiting.studentId();
        SignedInAs.run(users, waiting.planner(), () -> blanko.receive(POINT, 1, "Kiriman uji cetak ulang tahun"));
        SignedInAs.run(users, printer, () -> {
            printQueue.startPrint(id);
            printQueue.startPrint(id); // a second tap does not restart the clock
        });
        clock.advance(Duration.ofSeconds(150));
        assertThat(SignedInAs.call(users, printer, () -> printQueue.print(id)).state()).isEqualTo(StudentState.PRINTED);
        assertThat(jdbc.queryForObject("""
                SELECT TIMESTAMPDIFF(SECOND, started_at, ended_at) FROM sla_step
                WHERE case_id = ? AND step = 'D7_PRINT'""", Long.class, "D-S" + id)).isEqualTo(150L);
    }

    @Test
    void a_student_under_16_on_the_day_the_team_comes_is_not_recorded_though_the_roster_took_them() {
        String plannerName = account(Role.PLANNER);
        String officer = account(Role.FIELD_OFFICER);
        LocalDate rosterDay = LocalDate.now(OFFICE).plusDays(120 + Math.floorMod(System.nanoTime(), 200));
        // 16 on the day the roster was imported for, 15 on the day the visit is really scheduled.
        String[] student = SchoolVisitTestSupport.residents(jdbc, rosterDay.minusYears(16).minusDays(60),
                rosterDay.minusYears(16).minusDays(1), "NOT_RECORDED", 1).getFirst();
        LocalDate birth = LocalDate.parse(student[2], DATE);
        LocalDate visitDay = birth.plusYears(16).minusDays(20);
        var arranged = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer,
                rosterDay, List.<String[]>of(student), jdbc);
        SchoolVisit early = SignedInAs.call(users, plannerName, () -> planner.schedule(new VisitPlan(
                arranged.school().id(), visitDay, Set.of(officer),
                kit(plannerName), clock.instant())));
        clock.setInstant(visitDay.atTime(7, 0).atZone(OFFICE).toInstant());
        long id = SignedInAs.call(users, officer, () -> {
            visitDesk.setOut(early.id(), 0);
            return field.roster(early.id()).getFirst().id();
        });
        FieldStudent shown = SignedInAs.call(users, officer, () -> field.student(early.id(), id));
        assertThat(shown.sixteenOnDay()).isFalse();
        assertThatThrownBy(() -> SignedInAs.call(users, officer, () -> field.begin(early.id(), id)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("schoolvisit.error.under-16-on-visit-day");
        assertThat(SignedInAs.call(users, officer, () -> field.student(early.id(), id)).student().fieldStep())
                .isNull();
    }

    @Test
    void a_student_recorded_but_not_sent_to_the_centre_is_sent_answered_and_printed_and_a_failed_one_ends() {
        String plannerName = account(Role.PLANNER);
        String officer = account(Role.FIELD_OFFICER);
        LocalDate day = LocalDate.now(OFFICE).plusDays(30 + Math.floorMod(System.nanoTime(), 200));
        List<String[]> recordedAtADesk = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18),
                day.minusYears(17).minusDays(1), "BIOMETRICS_CAPTURED", 2);
        String[] captured = recordedAtADesk.get(0);
        String[] sent = recordedAtADesk.get(1);
        var arranged = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer, day,
                List.of(captured, sent), jdbc);
        long visitId = arranged.visit().id();
        clock.setInstant(day.atTime(7, 0).atZone(OFFICE).toInstant());
        SignedInAs.run(users, plannerName, () -> blanko.receive(POINT, 2, "Kiriman uji belum terkirim"));
        List<Student> roster = SignedInAs.call(users, officer, () -> {
            visitDesk.setOut(visitId, 1);
            return field.roster(visitId);
        });
        long notSent = idOf(roster, captured[0]);
        long failing = idOf(roster, sent[0]);
        SignedInAs.run(users, officer, () -> {
            for (long id : List.of(notSent, failing)) {
                field.begin(visitId, id);
                assertThat(field.statusChecked(visitId, id).student().state()).isEqualTo(StudentState.WAITING);
            }
        });

        // Captured, not sent: printing is refused until it is sent and answered; then it prints.
        assertThatThrownBy(() -> SignedInAs.call(users, officer, () -> field.printOnSite(visitId, notSent)))
                .isInstanceOf(RuleViolation.class);
        SignedInAs.run(users, officer, () -> {
            enrolment.send(notSent);
            enrolment.send(notSent); // a repeated tap changes nothing
            enrolment.printReady(notSent);
        });
        assertThat(SignedInAs.call(users, officer, () -> field.printOnSite(visitId, notSent)).student().state())
                .isEqualTo(StudentState.PRINTED);

        // Sent, and the centre answers "failed": SOP D ends for the student with the reason, step 7 with it.
        SignedInAs.run(users, officer, () -> enrolment.send(failing));
        Student ended = SignedInAs.call(users, officer, () -> enrolment.notPrintable(failing,
                id.dukcapil.portal.population.EnrolmentStatus.ENROLMENT_FAILED));
        assertThat(ended.state()).isEqualTo(StudentState.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.ENROLMENT_FAILED);
        assertThat(registry.findByNik(Nik.of(sent[0])).orElseThrow().enrolmentStatus())
                .isEqualTo(id.dukcapil.portal.population.EnrolmentStatus.ENROLMENT_FAILED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE case_id IN (?, ?) AND ended_at IS NULL",
                Integer.class, "D-S" + notSent, "D-S" + failing)).as("no step left open").isZero();
    }

    @Test
    void step_1_is_timed_from_the_coordination_with_the_school_not_from_the_schedule_dialog() {
        String plannerName = account(Role.PLANNER);
        String officer = account(Role.FIELD_OFFICER);
        clock.setInstant(LocalDate.now(OFFICE).plusDays(1).atTime(8, 0).atZone(OFFICE).toInstant());
        LocalDate day = LocalDate.now(clock).plusDays(30 + Math.floorMod(System.nanoTime(), 200));
        String[] student = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18), day.minusYears(17).minusDays(1),
                "NOT_RECORDED", 1).getFirst();
        String village = jdbc.queryForObject("SELECT MIN(code) FROM shared_region_village", String.class);
        String npsn = String.valueOf(10_000_000 + Math.floorMod(System.nanoTime(), 89_999_999));
        School school = SignedInAs.call(users, plannerName, () -> schools.create(new SchoolForm(npsn,
                "SMA Negeri Koordinasi " + npsn, SchoolLevel.SMA, "Jl. Koordinasi 1", village, "Bu Kepala",
                "081200002222", null, POINT)));

        // The planner calls the school on Monday; the list of students comes on Wednesday; the visit is scheduled
        // on Thursday morning, in a dialog open for a minute.
        SignedInAs.call(users, plannerName, () -> planner.beginCoordination(school.id()));
        clock.advance(Duration.ofDays(2));
        SignedInAs.call(users, plannerName, () -> rosterImport.importRoster(school.id(), day,
                new java.io.ByteArrayInputStream(SchoolVisitTestSupport.roster(List.of(new SchoolVisitTestSupport.Line(
                        student[0], student[1], student[2], "XII IPA 1"))))));
        clock.advance(Duration.ofHours(25));
        java.time.Instant dialogOpened = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        String kitCode = kit(plannerName);
        SchoolVisit visit = SignedInAs.call(users, plannerName, () -> planner.schedule(new VisitPlan(school.id(), day,
                Set.of(officer), kitCode, dialogOpened)));
        assertThat(jdbc.queryForObject("""
                SELECT TIMESTAMPDIFF(MINUTE, started_at, ended_at) FROM sla_step
                WHERE case_id = ? AND step = 'D1_COORDINATION'""", Long.class, "D-V" + visit.id()))
                .isEqualTo(Duration.ofDays(2).plusHours(25).plusMinutes(1).toMinutes());
        assertThat(SignedInAs.call(users, plannerName, () -> planner.coordination(school.id())))
                .as("the next visit's coordination begins anew").isEmpty();
    }

    private String kit(String plannerName) {
        String code = "KIT-A" + Math.floorMod(System.nanoTime(), 1_000_000);
        SignedInAs.run(users, plannerName, () -> planner.saveKit(new Kit(code, "Set Umur " + code, POINT, false,
                null)));
        return code;
    }

    private static long idOf(List<Student> roster, String nik) {
        return roster.stream().filter(student -> student.nik().equals(nik)).findFirst().orElseThrow().id();
    }

    private String account(Role role) {
        return staffAccounts.create(Set.of(role), PASSWORD);
    }

    /**
     * A student recorded at school, 16 on the visit day, so queued for the card on their 17th birthday; the clock at
     * 08:00 on that birthday.
     */
    private WaitingForBirthday waitingForBirthday() {
        String plannerName = account(Role.PLANNER);
        String officer = account(Role.FIELD_OFFICER);
        String printer = account(Role.PRINT_OPERATOR);
        LocalDate day = LocalDate.now(OFFICE).plusDays(30 + Math.floorMod(System.nanoTime(), 200));
        String[] student = SchoolVisitTestSupport.residents(jdbc, day.minusYears(17).plusDays(20),
                day.minusYears(16).minusDays(1), "PRINT_READY", 1).getFirst();
        var arranged = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer, day,
                List.<String[]>of(student), jdbc);
        long visitId = arranged.visit().id();
        clock.setInstant(day.atTime(7, 0).atZone(OFFICE).toInstant());
        long id = SignedInAs.call(users, officer, () -> {
            visitDesk.setOut(visitId, 0);
            long studentId = field.roster(visitId).getFirst().id();
            field.begin(visitId, studentId);
            field.statusChecked(visitId, studentId);
            return studentId;
        });
        LocalDate birthday = LocalDate.parse(student[2], DATE).plusYears(17);
        clock.setInstant(birthday.atTime(8, 0).atZone(OFFICE).toInstant());
        return new WaitingForBirthday(plannerName, printer, student, id);
    }

    private record WaitingForBirthday(String planner, String printer, String[] student, long studentId) {
    }
}
