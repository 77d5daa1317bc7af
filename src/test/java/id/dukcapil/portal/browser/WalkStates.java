package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.ikd.IkdApp;
import id.dukcapil.portal.ikd.IkdDesk;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.PipedExtract;
import id.dukcapil.portal.population.PopulationImports;
import id.dukcapil.portal.recording.RecordingDesk;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.reports.DailyRollups;
import id.dukcapil.portal.schoolvisit.VisitDesk;
import id.dukcapil.portal.schoolvisit.RosterImport;
import id.dukcapil.portal.schoolvisit.SchoolVisit;
import id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.region.Regions;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The states the walk's views need before their every dialog can open (issue 36), made through the product's own
 * services as the demo users would make them: a request waiting for the verifier, a number the recorder has called, an
 * IKD activated at the desk, a school visit under way, a counter's day over with a citizen who never came, a case
 * in last month's report, a school at the planner's point and, while its view is walked, an import of the population
 * running. The field team's and the counter's states stand on a day of their own, so the portal's clock is moved to
 * that day while those users walk, and back after.
 */
final class WalkStates {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String DINAS = "DINAS";

    private final ApplicationContext context;
    private final int port;
    private final UserDetailsService users;
    private final JdbcTemplate jdbc;
    private final TestClock clock;

    WalkStates(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
        this.users = context.getBean(UserDetailsService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.clock = context.getBean(TestClock.class);
    }

    /** What stands on today's clock, made once before the walk. */
    void today() throws Exception {
        context.getBean(KkPrintTestSupport.class).forwarded(); // the verifier's reject buttons: a request to review
        numberCalled();
        ikdActivated();
        caseInLastMonthsReport();
    }

    /** After the user signed in: the state on a day of its own the user's views need, the clock on that day. */
    void before(String user) {
        switch (user) {
            case "lapangan" -> visitUnderWay();
            case "operator" -> dayOverWithACitizenWhoNeverCame();
            case "perencana" -> schoolAtThePlannersPoint();
            default -> { }
        }
    }

    /**
     * The walk of one view, with the state it needs for as long as it is walked only: the import's *Hentikan impor*
     * needs an import running, and while one runs no other may start, so it is stopped as soon as the view is left.
     */
    <T> T whileWalking(String route, Supplier<T> walk) {
        if (!route.equals("residents/import")) {
            return walk.get();
        }
        String district = context.getBean(Regions.class).districtsOf("32.04").getFirst().code();
        PipedExtract running = PipedExtract.started(context.getBean(PopulationImports.class), users, district);
        try {
            return walk.get();
        } finally {
            ImportProgress ended = running.stopAndEnd();
            assertThat(ended.state()).as("the walk's import, stopped: nothing written").isEqualTo(ImportState.CANCELLED);
            assertThat(ended.rowsRead() + ended.residentsGone()).isZero();
        }
    }

    /** After the user's walk: the portal on today's clock again. */
    void after() {
        clock.reset();
    }

    /** The recording desk's *Gagal*: a number of the registration desk's queue, called by the demo recorder. */
    private void numberCalled() {
        RegistrationDesk registration = context.getBean(RegistrationDesk.class);
        RecordingDesk recording = context.getBean(RecordingDesk.class);
        String nik = RecordingTestSupport.residentsToRecord(jdbc, LocalDate.now(OFFICE), 1).getFirst();
        Visit queued = SignedInAs.call(users, "registrasi", () -> RecordingTestSupport.queued(registration, nik));
        Visit called;
        do { // numbers of other tests at the point may wait before it
            called = SignedInAs.call(users, "perekaman", () -> recording.callNext("Meja 1")).orElseThrow();
        } while (called.id() != queued.id());
    }

    /** The IKD desk's *Arsipkan*: a citizen's phone registers, passes the face check, scans the desk's QR and activates. */
    private void ikdActivated() throws Exception {
        IkdApp phone = new IkdApp(port, jdbc);
        String code = phone.facePassed("MPP-SOREANG");
        IkdDesk desk = context.getBean(IkdDesk.class);
        String qr = SignedInAs.call(users, "ikd", () -> desk.showQr(code)).content();
        assertThat(phone.state(phone.scan(code, qr))).isEqualTo("PIN_SENT");
        assertThat(phone.state(phone.activate(code, phone.pinFromTheEmail(code)))).isEqualTo("ACTIVATED");
    }

    /** The reports' case rows: a step of a family card's request, finished last month at the Dinas, in its rollup. */
    private void caseInLastMonthsReport() {
        LocalDate day = YearMonth.now(OFFICE).minusMonths(1).atDay(15);
        Instant start = day.atTime(9, 0).atZone(OFFICE).toInstant();
        context.getBean(StepClock.class).recordFinished(List.of(new FinishedStep(
                new CaseRef(Procedure.B_KK_PRINT, "WALK-" + System.nanoTime()), SopStep.B6_OPERATOR_CHECK, start,
                start.plusSeconds(4 * 60), "operator", DINAS)));
        SignedInAs.run(users, "manajer", () -> context.getBean(DailyRollups.class).rebuild(day));
    }

    /**
     * The field team's *Selesaikan kunjungan*: a school visit arranged by the demo planner for the demo officer on a
     * working day of its own (no other visit of the officer on it), the clock on its morning, the team set out.
     */
    private void visitUnderWay() {
        // After SchoolVisitTests' days (30 to 230 ahead), whose day summary counts every visit of its day.
        LocalDate day = workingDay(LocalDate.now(OFFICE).plusDays(240 + Math.floorMod(System.nanoTime(), 60)));
        clock.setInstant(day.atTime(7, 30).atZone(OFFICE).toInstant());
        String[] student = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18), day.minusYears(17).minusDays(1),
                "NOT_RECORDED", 1).getFirst();
        SchoolVisit visit = SchoolVisitTestSupport.visit(context.getBean(Schools.class),
                context.getBean(RosterImport.class), context.getBean(VisitPlanner.class), users, "perencana",
                "lapangan", day, List.<String[]>of(student), jdbc).visit();
        SignedInAs.run(users, "perencana", () -> context.getBean(BlankoStock.class).receive(DINAS, 1, "Kiriman jalan"));
        SignedInAs.run(users, "lapangan", () -> context.getBean(VisitDesk.class).setOut(visit.id(), 1));
    }

    /** The schools' *Ubah*: a school of the demo planner's point (the Dinas), made by the planner, to be chosen. */
    private void schoolAtThePlannersPoint() {
        SchoolVisitTestSupport.school(context.getBean(Schools.class), users, "perencana", jdbc);
    }

    /** The counter's no-shows confirm: a citizen booked at the Dinas on a working day, the clock after its closing. */
    private void dayOverWithACitizenWhoNeverCame() {
        BookingTestSupport support = context.getBean(BookingTestSupport.class);
        LocalDate day = support.workingDay(10 + Math.floorMod(System.nanoTime(), 20));
        support.room(DINAS, day, 50);
        context.getBean(BookingService.class).book(support.citizen(), support.request(support.printReadyNiks(1)
                .getFirst(), DINAS, day), null, BookingJourney.none(), support.newClientAddress());
        clock.setInstant(day.atTime(23, 0).atZone(OFFICE).toInstant());
    }

    private static LocalDate workingDay(LocalDate day) {
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        return day;
    }
}
