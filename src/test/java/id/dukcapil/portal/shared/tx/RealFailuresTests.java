package id.dukcapil.portal.shared.tx;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.audit.AuditChainVerifier;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingResult;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.recording.RecordingDesk;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.signing.BatchRun;
import id.dukcapil.portal.signing.BatchSigning;
import id.dukcapil.portal.signing.SigningTestSupport;
import id.dukcapil.portal.staff.StaffAccounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The failures the fault-injecting pool imitates, made for real on the embedded MariaDB (decision 117): a deadlock
 * InnoDB resolves by rolling the booking batch (or a recording desk's call) back, and the batch's connection killed
 * from another session. Each time the answer is true, given within seconds, and the work is there exactly once.
 */
@PortalTest
class RealFailuresTests {

    /** A point of its own: no other test's bookings on its days. */
    private static String point;

    @Autowired BookingService bookings;
    @Autowired BookingTestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired WriteRetries retries;
    @Autowired RegistrationDesk registration;
    @Autowired RecordingDesk recording;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired BatchSigning batches;
    @Autowired AuditChainVerifier verifier;
    @Autowired SigningTestSupport signing;

    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_booking_batch_chosen_as_a_deadlocks_victim_is_booked_on_its_next_try() throws Exception {
        LocalDate day = dayWithRoom(11);
        CitizenSession citizen = support.citizen();
        String nik = support.printReadyNiks(1).getFirst();
        jdbc.execute("CREATE TABLE IF NOT EXISTS test_deadlock_weight (id INT AUTO_INCREMENT PRIMARY KEY, v INT)");
        long retriedBefore = retries.retried();

        try (Connection rival = dataSource().getConnection()) {
            rival.setAutoCommit(false);
            try (Statement statement = rival.createStatement()) {
                // Heavier than a batch, so that InnoDB rolls the batch back, not this transaction.
                statement.executeUpdate("INSERT INTO test_deadlock_weight (v) SELECT seq FROM seq_1_to_2000");
                statement.executeQuery("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE").close();
            }
            CompletableFuture<BookingResult> booked = bookings.submit(citizen, support.request(nik, point, day),
                    "deadlock-" + nik, BookingJourney.none(), support.newClientAddress());
            // The batch holds the day's row and waits for the chain's head before its commit.
            awaitLockWait("audit_chain_head");
            try (PreparedStatement cycle = rival.prepareStatement(
                    "SELECT booked FROM booking_day WHERE service_point = ? AND day = ? FOR UPDATE")) {
                cycle.setString(1, point);
                cycle.setObject(2, day);
                cycle.executeQuery().close();
            }
            rival.rollback();
            String code = booked.get(10, TimeUnit.SECONDS).booking().code();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_booking WHERE nik = ?", Integer.class, nik))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'booking.made' "
                    + "AND subject_id = ?", Integer.class, code)).isEqualTo(1);
        }
        assertThat(retries.retried()).as("the deadlock's victim was tried again").isGreaterThan(retriedBefore);
    }

    @Test
    void a_booking_batch_whose_connection_is_killed_is_booked_on_a_new_one_and_answered_at_once() throws Exception {
        LocalDate day = dayWithRoom(12);
        CitizenSession citizen = support.citizen();
        String nik = support.printReadyNiks(1).getFirst();
        long retriedBefore = retries.retried();
        CompletableFuture<BookingResult> booked;
        long killedAt;
        try (BookingTestSupport.HeldRow held = support.holdDayRow(point, day)) {
            booked = bookings.submit(citizen, support.request(nik, point, day), "killed-" + nik,
                    BookingJourney.none(), support.newClientAddress());
            long batchConnection = awaitLockWait("booking_day");
            jdbc.execute("KILL CONNECTION " + batchConnection);
            killedAt = System.nanoTime();
            // Tried again on a new connection (not the one killed), which waits for the row once more.
            RunningStatements.await(jdbc, "%FROM booking_day %FOR UPDATE%", batchConnection);
            assertThat(booked).isNotDone();
            held.letGo();
            BookingResult result = booked.get(5, TimeUnit.SECONDS);
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(answeredIn).as("answered within seconds of the kill").isLessThan(Duration.ofSeconds(5));
            assertThat(jdbc.queryForObject("SELECT code FROM booking_booking WHERE nik = ?", String.class, nik))
                    .isEqualTo(result.booking().code());
        }
        assertThat(retries.retried()).isGreaterThan(retriedBefore);
    }

    @Test
    void a_signing_batch_whose_connection_is_killed_while_it_commits_signs_each_document_once_at_once()
            throws Exception {
        signing.usableCertificateAgain();
        List<Long> ids = List.of(signing.queueFamily(), signing.queueFamily());
        long retriedBefore = retries.retried();
        long killedAt;
        BatchRun run;
        try (Connection rival = dataSource().getConnection()) {
            rival.setAutoCommit(false);
            // A reader of the two documents holds them: the batch starts and signs, and waits to mark them signed.
            try (PreparedStatement hold = rival.prepareStatement(
                    "SELECT id FROM signing_document WHERE id IN (?, ?) LOCK IN SHARE MODE")) {
                hold.setLong(1, ids.getFirst());
                hold.setLong(2, ids.get(1));
                hold.executeQuery().close();
            }
            run = SignedInAs.call(users, "kadis",
                    () -> batches.start(ids, SigningTestSupport.PASSPHRASE.toCharArray()));
            long committer = RunningStatements.await(jdbc, "%UPDATE signing_document SET state = 'SIGNED'%");
            jdbc.execute("KILL CONNECTION " + committer);
            killedAt = System.nanoTime();
            // Its unit of work is tried again on a new connection, which waits for the documents once more.
            RunningStatements.await(jdbc, "%UPDATE signing_document SET state = 'SIGNED'%", committer);
            assertThat(run.completion()).isNotDone();
            rival.rollback();
        }
        run.completion().get(5, TimeUnit.SECONDS);
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(answeredIn).as("finished within seconds of the kill").isLessThan(Duration.ofSeconds(5));
        assertThat(run.signed()).as("the batch says " + run.outcomes()).isEqualTo(2);
        for (long id : ids) {
            assertThat(jdbc.queryForObject("SELECT state FROM signing_document WHERE id = ?", String.class, id))
                    .isEqualTo("SIGNED");
            assertThat(signing.signatureEntries(id)).as("signed once in the log").isEqualTo(1);
            assertThat(signing.storedPdfs(id)).as("one signed PDF").isEqualTo(1);
        }
        assertThat(retries.retried()).as("the killed unit of work was tried again").isGreaterThan(retriedBefore);
        assertThat(SignedInAs.call(users, "admin", verifier::verify).intact()).as("the audit chain verifies").isTrue();
    }

    @Test
    void a_recording_desk_whose_call_is_a_deadlocks_victim_calls_one_number_on_its_next_try() throws Exception {
        // A day no other test records on, with three numbers waiting: the desk calls the first, the rival locks the first
        // two, and the desk's next try (which may come before the rival lets go) skips the locked ones to the third.
        LocalDate day = support.today().plusDays(403);
        clock.setInstant(day.atTime(8, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
        for (String nik : RecordingTestSupport.residentsToRecord(jdbc, day, 3)) {
            SignedInAs.call(users, "registrasi", () -> RecordingTestSupport.queued(registration, nik));
        }
        List<Long> waiting = jdbc.queryForList("SELECT id FROM recording_visit WHERE day = ? AND state = 'QUEUED' "
                + "ORDER BY queue_number", Long.class, day);
        assertThat(waiting).hasSize(3);
        String desk = "Kunci-" + System.nanoTime() % 1_000_000;
        long retriedBefore = retries.retried();

        try (Connection rival = dataSource().getConnection()) {
            rival.setAutoCommit(false);
            try (Statement statement = rival.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS test_deadlock_weight (id INT AUTO_INCREMENT "
                        + "PRIMARY KEY, v INT)");
                statement.executeUpdate("INSERT INTO test_deadlock_weight (v) SELECT seq FROM seq_1_to_2000");
                statement.executeQuery("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE").close();
            }
            CompletableFuture<Optional<Visit>> called = CompletableFuture.supplyAsync(
                    () -> SignedInAs.call(users, "perekaman", () -> recording.callNext(desk)));
            // The desk holds its number's row and waits for the chain's head before its commit. Any audit writer of
            // the whole suite may wait for the head too, so the desk is known by its uncommitted call, not by the wait.
            awaitUncommittedCall(desk);
            // Whichever of the two the desk took, this waits for it: the cycle is closed.
            try (PreparedStatement cycle = rival.prepareStatement(
                    "SELECT id FROM recording_visit WHERE id IN (?, ?) FOR UPDATE")) {
                cycle.setLong(1, waiting.getFirst());
                cycle.setLong(2, waiting.get(1));
                cycle.executeQuery().close();
            }
            rival.rollback();
            Visit visit = called.get(10, TimeUnit.SECONDS).orElseThrow();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_visit WHERE desk = ?", Integer.class,
                    desk)).as("one number called to the desk").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'recording.called' "
                    + "AND subject_id = ?", Integer.class, String.valueOf(visit.id()))).isEqualTo(1);
        }
        assertThat(retries.retried()).as("the deadlock's victim was tried again").isGreaterThan(retriedBefore);
    }

    private LocalDate dayWithRoom(int daysAhead) {
        LocalDate day = support.workingDay(daysAhead);
        support.room(point, day, 50);
        return day;
    }

    /** The connection whose locking read of the table is under way (waiting for its lock). */
    private long awaitLockWait(String table) throws InterruptedException {
        return RunningStatements.await(jdbc, "%FROM " + table + " %FOR UPDATE%");
    }

    /** Waits until the desk's call is written but not committed, read by a connection that sees such writes. */
    private void awaitUncommittedCall(String desk) throws Exception {
        try (Connection dirty = dataSource().getConnection()) {
            dirty.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            try (PreparedStatement called = dirty.prepareStatement(
                    "SELECT COUNT(*) FROM recording_visit WHERE desk = ?")) {
                called.setString(1, desk);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < deadline) {
                    try (var rows = called.executeQuery()) {
                        if (rows.next() && rows.getInt(1) > 0) {
                            return;
                        }
                    }
                    Thread.sleep(20);
                }
            }
        }
        throw new AssertionError("The desk " + desk + " did not call a number");
    }

    private DataSource dataSource() {
        return Objects.requireNonNull(jdbc.getDataSource());
    }
}
