package id.dukcapil.portal.shared.tx;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditChainVerifier;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.AuditTestSupport;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingRequest;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.booking.CounterService;
import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.booking.UrgentNeed;
import id.dukcapil.portal.booking.UrgentReason;
import id.dukcapil.portal.ikd.Activations;
import id.dukcapil.portal.ikd.IkdApp;
import id.dukcapil.portal.ikd.IkdDesk;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.kkprint.VerifierInbox;
import id.dukcapil.portal.notification.OneMessageDelivery;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.notification.internal.NotificationProperties;
import id.dukcapil.portal.notification.internal.OutboxSender;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.internal.ImportRunner;
import id.dukcapil.portal.population.internal.ImportStore;
import id.dukcapil.portal.population.internal.SmallImport;
import id.dukcapil.portal.recording.RecordingDesk;
import id.dukcapil.portal.schoolvisit.VisitDesk;
import id.dukcapil.portal.schoolvisit.Kit;
import id.dukcapil.portal.schoolvisit.RosterImport;
import id.dukcapil.portal.schoolvisit.SchoolVisitTestSupport;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.VisitPlan;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.signing.BatchRun;
import id.dukcapil.portal.signing.BatchSigning;
import id.dukcapil.portal.signing.SigningTestSupport;
import id.dukcapil.portal.shared.region.Regions;
import id.dukcapil.portal.shared.tx.FaultInjectingDataSource.Fault;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every write path with the N-th statement (or commit) of its unit of work failing, for every N it has, the way
 * MariaDB and Galera fail (decision 117): whatever the portal answers is what the database holds. Success is said
 * only for work that committed, exactly once; a refusal leaves nothing behind; the audit chain verifies.
 */
@PortalTest
class WritePathsUnderFaultsTests {

    /** The citizens' point, of its own: no other test's bookings on its days. */
    private static String point;
    private static final String DINAS = "DINAS";
    private static final String STAFF_PASSWORD = "Sandi-Kuat-2026";
    private static final java.util.concurrent.atomic.AtomicInteger DESKS = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired BookingService bookings;
    @Autowired CounterService counter;
    @Autowired CitizenAccounts accounts;
    @Autowired AuditLog auditLog;
    @Autowired AuditChainVerifier verifier;
    @Autowired AuditTestSupport audit;
    @Autowired BookingTestSupport support;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired RegistrationDesk registration;
    @Autowired RecordingDesk recording;
    @Autowired KkPrintTestSupport kkPrint;
    @Autowired VerifierInbox verifierInbox;
    @Autowired BatchSigning batches;
    @Autowired SigningTestSupport signing;
    @Autowired AuthenticationConfiguration authentication;
    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired NotificationProperties notification;
    @Autowired TransactionTemplate transactions;
    @Autowired TestMailServer mailServer;
    @Autowired ImportRunner importRunner;
    @Autowired ImportStore importStore;
    @Autowired Regions regions;
    @Autowired Schools schools;
    @Autowired RosterImport rosterImport;
    @Autowired VisitPlanner planner;
    @Autowired VisitDesk visitDesk;
    @Autowired StaffAccounts staffAccounts;
    @Autowired IkdDesk ikdDesk;
    @LocalServerPort int port;

    private LocalDate day;
    /**
     * Citizens made a dozen at a time for the paths that need a new one on every run: their code mails go out in one
     * round of the outbox instead of a round each (the class took ten minutes, most of them waiting for mail). Each is
     * used once, by one run of one path; the runs are one after the other.
     */
    private static final Deque<CitizenSession> citizens = new ArrayDeque<>();
    /** The school the field team's path visits, and its planner: arranged by the first run of the path. */
    private static Long fieldSchool;
    private static String fieldPlanner;

    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @BeforeEach
    void a_day_with_room() {
        audit.emptyTheChain();
        day = support.workingDay(24);
        support.room(point, day, 500);
        support.room(DINAS, day, 500);
    }

    @AfterEach
    void plain_pool_and_real_time() {
        FaultInjectingDataSource.disarm();
        clock.reset();
        OneMessageDelivery.letSchedulerIn(jdbc);
    }

    static Stream<Arguments> pathsAndFaults() {
        List<Arguments> all = new ArrayList<>();
        for (String path : List.of("citizen books (batch)", "clerk books for a resident", "citizen cancels",
                "counter checks in", "citizen registers", "citizen signs in", "staff signs in", "audit entry on its own", "recording desk calls next",
                "verifier sends a family card to signing", "the Kepala Dinas signs a card",
                "the day's no-shows are marked", "the outbox delivers a mail",
                "a field team sets out for a school", "the IKD officer refers a citizen")) {
            for (Fault fault : List.of(Fault.DEADLOCK, Fault.LOCK_WAIT_TIMEOUT, Fault.NOT_PREPARED,
                    Fault.CONNECTION_LOST, Fault.LOST_AFTER_COMMIT)) {
                all.add(Arguments.of(path, fault));
            }
        }
        all.add(Arguments.of("citizen books (batch)", Fault.SILENT_ROLLBACK));
        return all.stream();
    }

    /**
     * The path is run once clean to count its statements, then once per statement with that one failing once: every
     * answer true, and (since a second try is clean) every rolled-back unit of work done on its retry.
     */
    @ParameterizedTest(name = "{0}: {1} at each statement")
    @MethodSource("pathsAndFaults")
    void whatever_statement_fails_once_the_answer_is_what_the_database_holds(String path, Fault fault) {
        int statements = FaultInjectingDataSource.statementsOf(action(path).act());
        assertThat(statements).as("statements of " + path).isPositive();
        int doneAnyway = 0;
        List<String> outcomes = new ArrayList<>();
        for (int nth = 1; nth <= statements; nth++) {
            Action action = action(path);
            FaultInjectingDataSource.armOnce(fault, nth);
            Outcome outcome = outcome(action.act());
            FaultInjectingDataSource.disarm();
            outcome = action.said().map(Supplier::get).orElse(outcome);
            String at = path + ", " + fault + " at statement " + nth + " of " + statements + ": " + outcome;
            assertThat(count("SELECT COUNT(*) FROM booking_day d WHERE d.issued < (SELECT COALESCE(MAX(queue_number), 0) "
                    + "FROM booking_booking b WHERE b.service_point = d.service_point AND b.day = d.day)"))
                    .as(at + ": every day's counter is past its bookings")
                    .isZero();
            answerHolds(at, outcome, action.kept().get());
            if (action.later().isPresent()) {
                action.later().get().run();
                Outcome later = action.said().orElseThrow().get();
                answerHolds(at + ", then later " + later, later, action.kept().get());
                // The fault was the database's, never the work's own: once finished, it is done, exactly once.
                assertThat(action.kept().get()).as(at + ", then later " + later + ": done in the end").isEqualTo(1);
            }
            if (outcome.done()) {
                doneAnyway++;
            }
            outcomes.add(nth + ": " + outcome);
        }
        // A statement of the unit of work failed and it was done all the same: on its second try.
        assertThat(doneAnyway).as(path + ": done despite a " + fault + " " + outcomes).isPositive();
        assertThat(SignedInAs.call(users, "admin", verifier::verify).intact()).as("the audit chain verifies").isTrue();
    }

    /** Every statement fails, on every try: the answer is a refusal and nothing is kept. */
    @ParameterizedTest(name = "{0}: {1} on every try")
    @MethodSource("pathsAndFaults")
    void when_every_try_fails_nothing_is_said_done_and_nothing_is_kept(String path, Fault fault) {
        if (fault == Fault.LOST_AFTER_COMMIT || fault == Fault.SILENT_ROLLBACK) {
            return;
        }
        Action action = action(path);
        FaultInjectingDataSource.arm(fault, 1, 1, Integer.MAX_VALUE,
                FaultInjectingDataSource.portalThreads(Thread.currentThread()));
        Outcome outcome = outcome(action.act());
        FaultInjectingDataSource.disarm();
        outcome = action.said().map(Supplier::get).orElse(outcome);
        assertThat(outcome.done()).as(path + " said done though every statement failed").isFalse();
        assertThat(action.kept().get()).as(path + ": nothing kept").isZero();
        assertThat(SignedInAs.call(users, "admin", verifier::verify).intact()).isTrue();
    }

    /**
     * A small extract imported with each statement of the run failing once: what the import reports is what the
     * register holds (a portion rolled back is written again whole on its retry, or reported as not written), a failed
     * import goes on when the ADMIN resumes it, and no resident is loaded twice nor counted twice.
     */
    @ParameterizedTest(name = "the population import: {0} at each statement")
    @EnumSource(value = Fault.class, names = {"DEADLOCK", "LOCK_WAIT_TIMEOUT", "NOT_PREPARED", "CONNECTION_LOST",
            "LOST_AFTER_COMMIT"})
    void whatever_statement_of_an_import_fails_its_report_is_what_the_register_holds(Fault fault) {
        int statements = FaultInjectingDataSource.statementsOf(newImport()::run);
        int finishedAnyway = 0;
        List<String> outcomes = new ArrayList<>();
        for (int nth = 1; nth <= statements; nth++) {
            SmallImport run = newImport();
            FaultInjectingDataSource.armOnce(fault, nth);
            Outcome outcome = outcome(run::run);
            FaultInjectingDataSource.disarm();
            ImportProgress report = run.report();
            String at = run + ", " + fault + " at statement " + nth + " of " + statements + ": " + outcome + ", "
                    + report.state();
            reportIsTheRegister(at, run);
            if (report.state() == ImportState.FINISHED) {
                finishedAnyway++;
            } else {
                assertThat(report.state()).as(at).isEqualTo(ImportState.FAILED);
                assertThat(run.resume()).as(at + ", then resumed").isEqualTo(ImportState.FINISHED);
                reportIsTheRegister(at + ", then resumed", run);
            }
            assertThat(run.residents()).as(at + ": every family that loads is loaded").isEqualTo(SmallImport.RESIDENTS);
            assertThat(run.endings("population.import.finished")).as(at + ": finished once").isEqualTo(1);
            outcomes.add(nth + ": " + report.state());
        }
        assertThat(finishedAnyway).as("finished despite a " + fault + " " + outcomes).isPositive();
        assertThat(SignedInAs.call(users, "admin", verifier::verify).intact()).as("the audit chain verifies").isTrue();
    }

    private SmallImport newImport() {
        return SmallImport.registered(importRunner, importStore, regions, jdbc);
    }

    private static void reportIsTheRegister(String at, SmallImport run) {
        ImportProgress report = run.report();
        assertThat(report.residentsAdded()).as(at + ": residents reported added").isEqualTo(run.residents());
        assertThat(report.rowsRejected()).as(at + ": rows reported refused").isEqualTo(run.refusedRows());
        if (report.state() == ImportState.FINISHED) {
            assertThat(report.rowsRejected()).as(at + ": the bad family refused").isEqualTo(SmallImport.REFUSED_ROWS);
        }
    }

    /** Said done, the work is there exactly once; said unknown, at most once; said not done, not at all. */
    private static void answerHolds(String at, Outcome outcome, int kept) {
        if (outcome.done()) {
            assertThat(kept).as(at + ": said done, so kept exactly once").isEqualTo(1);
        } else if (outcome.unknown()) {
            assertThat(kept).as(at + ": said unknown, kept at most once").isLessThanOrEqualTo(1);
        } else {
            assertThat(kept).as(at + ": said not done, so nothing kept").isZero();
        }
    }

    /**
     * A path's action, made afresh for each run, and how many times its effect is in the database (or a mailbox).
     * A path whose answer is not a caller's but a record (the outbox's state of a message) reads it once the faults
     * are off; one that finishes on its own later (the outbox's next run) is checked again after that.
     */
    private record Action(Runnable act, Supplier<Integer> kept, Optional<Supplier<Outcome>> said,
                          Optional<Runnable> later) {
        Action(Runnable act, Supplier<Integer> kept) {
            this(act, kept, Optional.empty(), Optional.empty());
        }
    }

    private CitizenSession citizen() {
        if (citizens.isEmpty()) {
            citizens.addAll(support.citizens(12));
        }
        return citizens.pop();
    }

    private Action action(String path) {
        return switch (path) {
            case "citizen books (batch)" -> {
                CitizenSession citizen = citizen();
                String nik = support.printReadyNiks(1).getFirst();
                BookingRequest request = support.request(nik, point, day);
                yield new Action(() -> bookings.book(citizen, request, "key-" + System.nanoTime(),
                        BookingJourney.none(), support.newClientAddress()), () -> bookingsOf(nik));
            }
            case "clerk books for a resident" -> {
                String nik = support.printReadyNiks(1).getFirst();
                yield new Action(() -> SignedInAs.call(users, "operator", () -> bookings.bookForResident(
                        new BookingRequest(nik, DINAS, day), new UrgentReason(UrgentNeed.HEALTH, "Rawat inap"))),
                        () -> bookingsOf(nik));
            }
            case "citizen cancels" -> {
                CitizenSession citizen = citizen();
                String nik = support.printReadyNiks(1).getFirst();
                String code = bookings.book(citizen, support.request(nik, point, day), null, BookingJourney.none(),
                        support.newClientAddress()).booking().code();
                yield new Action(() -> bookings.cancel(citizen, code, support.newClientAddress()),
                        () -> count("SELECT COUNT(*) FROM booking_booking WHERE code = ? AND status = 'CANCELLED'", code)
                                * auditEntries("booking.cancelled", code));
            }
            case "counter checks in" -> {
                clock.reset();
                CitizenSession citizen = citizen();
                String nik = support.printReadyNiks(1).getFirst();
                String code = bookings.book(citizen, support.request(nik, DINAS, day), null, BookingJourney.none(),
                        support.newClientAddress()).booking().code();
                clock.setInstant(day.atTime(9, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
                yield new Action(() -> SignedInAs.call(users, "operator", () -> counter.scan(code)),
                        () -> count("SELECT COUNT(*) FROM booking_booking WHERE code = ? AND status = 'ARRIVED'", code)
                                * auditEntries("booking.checked-in", code));
            }
            case "citizen registers" -> {
                String email = support.newEmail();
                String client = support.newClientAddress();
                yield new Action(() -> accounts.register(new Registration("Dewi Sartika", email, "0812 1111 2222",
                        BookingTestSupport.PASSWORD), Locale.forLanguageTag("id"), client),
                        () -> count("SELECT COUNT(*) FROM booking_citizen WHERE email = ?", email)
                                * support.mailsTo(email));
            }
            case "citizen signs in" -> {
                // The address's try taken and forgiven, and the sign-in in the log: one unit of work.
                CitizenSession signedUp = citizen();
                String email = signedUp.email();
                long citizen = signedUp.citizenId();
                String client = support.newClientAddress();
                yield new Action(() -> accounts.signIn(email, BookingTestSupport.PASSWORD, client),
                        () -> count("SELECT COUNT(*) FROM audit_entry WHERE action = 'booking.account.sign-in' "
                                + "AND subject_id = ? AND outcome = 'SUCCESS'", String.valueOf(citizen)));
            }
            case "staff signs in" -> {
                // Spring Security's sign-in on this thread: its success event records the account's sign-in and
                // the log entry, one unit of work.
                int before = signIns("operator");
                AuthenticationManager manager = authenticationManager();
                yield new Action(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                        "operator", PortalTest.DEMO_PASSWORD)), () -> signIns("operator") - before);
            }
            case "audit entry on its own" -> {
                String subject = "fault-" + System.nanoTime();
                yield new Action(() -> auditLog.record(Actor.system("test"),
                        AuditRecord.success("test.recorded", "Test", subject)),
                        () -> auditEntries("test.recorded", subject));
            }
            case "recording desk calls next" -> {
                // A day no other test records on: a number this path leaves waiting is called by nobody else.
                clock.reset();
                LocalDate recordingDay = support.today().plusDays(401);
                clock.setInstant(recordingDay.atTime(8, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
                String nik = RecordingTestSupport.residentsToRecord(jdbc, recordingDay, 1).getFirst();
                SignedInAs.call(users, "registrasi", () -> RecordingTestSupport.queued(registration, nik));
                // A desk of its own each time: whichever number it calls, its call is counted by the desk's name.
                String desk = "Uji-" + DESKS.incrementAndGet();
                yield new Action(() -> SignedInAs.call(users, "perekaman", () -> recording.callNext(desk)),
                        () -> count("SELECT COUNT(*) FROM recording_visit WHERE desk = ?", desk)
                                * count("SELECT COUNT(*) FROM audit_entry WHERE action = 'recording.called' "
                                + "AND detail LIKE ?", "% to " + desk));
            }
            case "the day's no-shows are marked" -> {
                // The nightly job's unit of work, as the counter runs it after closing: every booking nobody came for.
                clock.reset();
                CitizenSession citizen = citizen();
                String nik = support.printReadyNiks(1).getFirst();
                String code = bookings.book(citizen, support.request(nik, DINAS, day), null, BookingJourney.none(),
                        support.newClientAddress()).booking().code();
                clock.setInstant(day.atTime(23, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
                yield new Action(() -> SignedInAs.call(users, "operator", () -> counter.markNoShows()),
                        () -> count("SELECT COUNT(*) FROM booking_booking WHERE code = ? AND status = 'NO_SHOW'", code)
                                * auditEntries("booking.no-show", code));
            }
            case "verifier sends a family card to signing" -> {
                clock.reset();
                String tracking = kkPrint.forwarded();
                long id = kkPrint.idOf(tracking);
                // Kept whole: the request moved, its card queued for the Kepala Dinas, and the move in the log.
                yield new Action(() -> kkPrint.asStaff("verifikator", () -> {
                    verifierInbox.verify(id);
                    return null;
                }), () -> count("SELECT COUNT(*) FROM kkprint_request WHERE id = ? AND state = 'VERIFIED'", id)
                        * kkPrint.signingDocuments(tracking).size()
                        * auditEntries("kkprint.request.verified", tracking));
            }
            case "the Kepala Dinas signs a card" -> {
                // The batch signs on its worker and committer threads: they are among the threads that fail.
                clock.reset();
                long id = signing.queueFamily();
                yield new Action(() -> {
                    BatchRun run = SignedInAs.call(users, "kadis",
                            () -> batches.start(List.of(id), SigningTestSupport.PASSPHRASE.toCharArray()));
                    try {
                        run.completion().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                    if (run.signed() != 1) {
                        throw new IllegalStateException("not signed: " + run.outcomes());
                    }
                }, () -> count("SELECT COUNT(*) FROM signing_document WHERE id = ? AND state = 'SIGNED'", id)
                        * signing.signatureEntries(id) * signing.storedPdfs(id));
            }
            case "the outbox delivers a mail" -> {
                // Claimed, handed over to the test run's SMTP server, recorded SENT: what the outbox says of the
                // message is its answer; the mailbox holds what was done. A later run recovers what this one left.
                OneMessageDelivery delivery = OneMessageDelivery.queued(outbox, sender, notification, transactions,
                        jdbc, clock, mailServer);
                yield new Action(delivery::deliver, delivery::copiesReceived, Optional.of(() -> switch (delivery.said()) {
                    case SENT -> new Outcome(true, false, null);
                    case UNKNOWN -> new Outcome(false, true, null);
                    case NOT_SENT -> new Outcome(false, false, null);
                }), Optional.of(delivery::deliverAfterTheLease));
            }
            case "a field team sets out for a school" -> {
                // The school (with its roster) arranged once; each run a visit of its own, with a kit and an officer of
                // its own, on a day no other test of the class visits.
                clock.reset();
                LocalDate visitDay = support.today().plusDays(300);
                if (fieldSchool == null) {
                    fieldPlanner = staffAccounts.create(Set.of(Role.PLANNER), STAFF_PASSWORD);
                    fieldSchool = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, fieldPlanner,
                            staffAccounts.create(Set.of(Role.FIELD_OFFICER), STAFF_PASSWORD), visitDay,
                            SchoolVisitTestSupport.residents(jdbc, visitDay.minusYears(18),
                                    visitDay.minusYears(17).minusDays(1), "PRINT_READY", 1), jdbc).school().id();
                }
                String officer = staffAccounts.create(Set.of(Role.FIELD_OFFICER), STAFF_PASSWORD);
                String kit = "KIT-UJI-" + DESKS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
                long visit = SignedInAs.call(users, fieldPlanner, () -> {
                    planner.saveKit(new Kit(kit, "Set Perekaman " + kit, DINAS, false, null));
                    return planner.schedule(new VisitPlan(fieldSchool, visitDay, Set.of(officer), kit,
                            clock.instant())).id();
                });
                clock.setInstant(visitDay.atTime(7, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
                // Kept whole: the visit underway, the SOP's step 2 started, the departure in the log.
                yield new Action(() -> SignedInAs.call(users, officer, () -> visitDesk.setOut(visit, 0)),
                        () -> count("SELECT COUNT(*) FROM schoolvisit_visit WHERE id = ? AND state = 'UNDERWAY'", visit)
                                * count("SELECT COUNT(*) FROM sla_step WHERE case_id = ? "
                                + "AND step = 'D2_PREPARATION_AND_VISIT'", "D-V" + visit)
                                * auditEntries("schoolvisit.visit.set-out", String.valueOf(visit)));
            }
            case "the IKD officer refers a citizen" -> {
                // Three face checks failed on the citizen's phone: the registration waits for the officer's decision.
                // On a day no other test works at the IKD desk: what a failed try leaves waiting is on nobody's list
                // (the desk lists its point's registrations of the day).
                clock.reset();
                clock.setInstant(support.today().plusDays(402).atTime(9, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
                String code = waitingForTheOfficer(new IkdApp(port, jdbc));
                // Kept whole: the registration closed, the reason among its failures, the referral in the log.
                yield new Action(() -> SignedInAs.run(users, "ikd", () -> ikdDesk.refer(code)),
                        () -> count("SELECT COUNT(*) FROM ikd_registration WHERE code = ? AND state = 'REFERRED'", code)
                                * count("SELECT COUNT(*) FROM ikd_failure WHERE registration_code = ? "
                                + "AND reason = 'REFERRED'", code)
                                * auditEntries("ikd.referred", code));
            }
            default -> throw new IllegalArgumentException(path);
        };
    }

    /** A registration at the officer's point whose face checks all failed on the phone. */
    private static String waitingForTheOfficer(IkdApp app) {
        try {
            String code = app.registered("MPP-SOREANG");
            for (int i = 0; i < Activations.MAX_FACE_ATTEMPTS; i++) {
                app.post("/" + code + "/face-check", "{\"passed\":false,\"score\":0.2}");
            }
            return code;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int bookingsOf(String nik) {
        int rows = count("SELECT COUNT(*) FROM booking_booking WHERE nik = ?", nik);
        String code = codeOf(nik);
        // A booking kept is kept whole: its audit entry with it.
        return rows == 0 ? 0 : rows * auditEntries("booking.made", code);
    }

    private String codeOf(String nik) {
        return jdbc.queryForList("SELECT code FROM booking_booking WHERE nik = ?", String.class, nik).stream()
                .findFirst().orElse("-");
    }

    private int auditEntries(String action, String subject) {
        return count("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_id = ?", action, subject);
    }

    private AuthenticationManager authenticationManager() {
        try {
            return authentication.getAuthenticationManager();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int signIns(String username) {
        return count("SELECT COUNT(*) FROM audit_entry WHERE action = 'staff.sign-in' AND subject_id = ? "
                + "AND outcome = 'SUCCESS'", username);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    /** What the portal answered: done, refused, or unknown. */
    private record Outcome(boolean done, boolean unknown, Throwable failure) {
        @Override
        public String toString() {
            return done ? "done" : unknown ? "unknown" : failure == null ? "not done" : "refused with " + failure;
        }
    }

    private static Outcome outcome(Runnable act) {
        try {
            act.run();
            return new Outcome(true, false, null);
        } catch (CommitUnknownException unknown) {
            return new Outcome(false, true, unknown);
        } catch (RuntimeException failure) {
            Throwable cause = failure;
            while (cause.getCause() != null && !(cause instanceof CommitUnknownException)) {
                cause = cause.getCause();
            }
            return new Outcome(false, cause instanceof CommitUnknownException, failure);
        }
    }
}
