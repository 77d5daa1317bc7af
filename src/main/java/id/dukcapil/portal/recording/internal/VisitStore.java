package id.dukcapil.portal.recording.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.recording.VisitState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The visits of a recording point: every change names the state it expects, so two desks never both win. */
@Repository
public class VisitStore {

    /** The states a visit ends in (VisitState.finished()), as SQL. */
    private static final String FINISHED = "'DOCUMENTS_RETURNED', 'ALREADY_RECORDED', 'PROOF_HANDED', 'CLOSED'";

    private final JdbcClient jdbc;

    VisitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long begin(String point, LocalDate day, String nik, String fullName, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO recording_visit (service_point, day, nik, full_name, state, registered_by, started_at)
                VALUES (?, ?, ?, ?, 'CHECKING', ?, ?)""").params(point, day, nik, fullName, by, utc(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Visit> find(long id) {
        return jdbc.sql("SELECT * FROM recording_visit WHERE id = ?").param(id).query(VisitStore::visit).optional();
    }

    /** The resident's visit of the day that is not over, if any. */
    public Optional<Visit> openVisit(String point, LocalDate day, String nik) {
        return jdbc.sql("SELECT * FROM recording_visit WHERE service_point = ? AND day = ? AND nik = ? "
                + "AND state NOT IN (" + FINISHED + ") ORDER BY id DESC LIMIT 1")
                .params(point, day, nik).query(VisitStore::visit).optional();
    }

    public boolean move(long id, VisitState from, VisitState to) {
        return jdbc.sql("UPDATE recording_visit SET state = ?, version = version + 1 WHERE id = ? AND state = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    public boolean end(long id, VisitState from, VisitState to, Instant at, @Nullable String returnReasons,
                       @Nullable String explanation) {
        return jdbc.sql("""
                UPDATE recording_visit SET state = ?, ended_at = ?, return_reasons = ?, explanation = ?,
                    version = version + 1
                WHERE id = ? AND state = ?""")
                .params(to.name(), utc(at), returnReasons, explanation, id, from.name()).update() == 1;
    }

    /**
     * The point's next queue number of the day, counted in the caller's transaction: the counter row stays locked
     * until it commits, so numbers are never repeated and a rolled-back visit leaves no gap.
     */
    public int nextNumber(String point, LocalDate day) {
        jdbc.sql("""
                INSERT INTO recording_queue_day (service_point, day, last_number) VALUES (?, ?, 1)
                ON DUPLICATE KEY UPDATE last_number = last_number + 1""").params(point, day).update();
        return jdbc.sql("SELECT last_number FROM recording_queue_day WHERE service_point = ? AND day = ?")
                .params(point, day).query(Integer.class).single();
    }

    public boolean queued(long id, VisitState from, int number, String ticket, @Nullable Priority priority,
                          Instant at) {
        return jdbc.sql("""
                UPDATE recording_visit SET state = 'QUEUED', queue_number = ?, ticket = ?, priority = ?, queued_at = ?,
                    version = version + 1
                WHERE id = ? AND state = ?""")
                .params(number, ticket, priority == null ? null : priority.name(), utc(at), id, from.name())
                .update() == 1;
    }

    public boolean requeued(long id, Instant at) {
        return jdbc.sql("""
                UPDATE recording_visit SET state = 'QUEUED', requeued = TRUE, failure_reason = NULL,
                    technical_failure = FALSE, desk = NULL, called_at = NULL, called_by = NULL, queued_at = ?,
                    version = version + 1
                WHERE id = ? AND state = 'SENT_BACK'""").params(utc(at), id).update() == 1;
    }

    /** An absent resident came after all: waiting again from now, in the number's place. */
    public boolean broughtBack(long id, Instant at) {
        return jdbc.sql("""
                UPDATE recording_visit SET state = 'QUEUED', queued_at = ?, version = version + 1
                WHERE id = ? AND state = 'ABSENT'""").params(utc(at), id).update() == 1;
    }

    /**
     * Takes the next waiting number of the point's day for a desk: numbers sent back after a failed recording
     * first, then priority visitors, then in order. Locked rows are skipped: two desks never call the same one.
     */
    public Optional<Visit> callNext(String point, LocalDate day, String desk, String by, Instant at) {
        Optional<Long> next = jdbc.sql("""
                SELECT id FROM recording_visit WHERE service_point = ? AND day = ? AND state = 'QUEUED'
                ORDER BY requeued DESC, priority IS NULL, queue_number LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .params(point, day).query(Long.class).optional();
        next.ifPresent(id -> jdbc.sql("""
                UPDATE recording_visit SET state = 'CALLED', desk = ?, called_at = ?, called_by = ?,
                    waits = waits + 1,
                    waited_seconds = waited_seconds + GREATEST(0, TIMESTAMPDIFF(SECOND, COALESCE(queued_at, ?), ?)),
                    longest_wait_seconds = GREATEST(longest_wait_seconds,
                        TIMESTAMPDIFF(SECOND, COALESCE(queued_at, ?), ?)),
                    version = version + 1
                WHERE id = ? AND state = 'QUEUED'""")
                // A number queued before waits were timed has no queued_at: its wait counts as unknown, 0 s.
                .params(desk, utc(at), by, utc(at), utc(at), utc(at), utc(at), id).update());
        return next.flatMap(this::find);
    }

    /**
     * The numbers called and not yet dealt with at the point's day: the operator's own first (newest call first),
     * then other desks'. What a recording desk reopens on.
     */
    public List<Visit> called(String point, LocalDate day, String by) {
        return jdbc.sql("""
                SELECT * FROM recording_visit WHERE service_point = ? AND day = ? AND state = 'CALLED'
                ORDER BY called_by = ? DESC, called_at DESC LIMIT 100""").params(point, day, by)
                .query(VisitStore::visit).list();
    }

    /**
     * Another operator's called number served at this desk (a desk closed, a shift changed): called anew, at this
     * desk, so the board says where the resident now goes.
     */
    public boolean takenOver(long id, String desk, String by, Instant at) {
        return jdbc.sql("""
                UPDATE recording_visit SET desk = ?, called_by = ?, called_at = ?, version = version + 1
                WHERE id = ? AND state = 'CALLED'""").params(desk, by, utc(at), id).update() == 1;
    }

    public boolean recalled(long id, Instant at) {
        return jdbc.sql("UPDATE recording_visit SET called_at = ?, version = version + 1 WHERE id = ? AND state = 'CALLED'")
                .params(utc(at), id).update() == 1;
    }

    public boolean recorded(long id, String by, Instant at, String proofNumber, String proofToken) {
        return jdbc.sql("""
                UPDATE recording_visit SET state = 'RECORDED', recorded_by = ?, recorded_at = ?, proof_number = ?,
                    proof_token = ?, version = version + 1
                WHERE id = ? AND state = 'CALLED'""").params(by, utc(at), proofNumber, proofToken, id).update() == 1;
    }

    public boolean sentBack(long id, String by, String reason, boolean technical) {
        return jdbc.sql("""
                UPDATE recording_visit SET state = 'SENT_BACK', recorded_by = ?, failure_reason = ?,
                    technical_failure = ?, failures = failures + 1,
                    technical_failures = technical_failures + IF(technical_failure, 1, 0), version = version + 1
                WHERE id = ? AND state = 'CALLED'""").params(by, reason, technical, id).update() == 1;
    }

    /** The point's visits of a day in the order they began: the daily register (BHPPK). */
    public List<Visit> day(String point, LocalDate day) {
        return jdbc.sql("SELECT * FROM recording_visit WHERE service_point = ? AND day = ? ORDER BY id")
                .params(point, day).query(VisitStore::visit).list();
    }

    public List<Visit> inState(String point, LocalDate day, VisitState state) {
        return jdbc.sql("""
                SELECT * FROM recording_visit WHERE service_point = ? AND day = ? AND state = ?
                ORDER BY requeued DESC, priority IS NULL, queue_number, id LIMIT 500""")
                .params(point, day, state.name()).query(VisitStore::visit).list();
    }

    public int countInState(String point, LocalDate day, VisitState state) {
        return jdbc.sql("SELECT COUNT(*) FROM recording_visit WHERE service_point = ? AND day = ? AND state = ?")
                .params(point, day, state.name()).query(Integer.class).single();
    }

    /** The latest calls of the day, newest first, but none of a number since marked absent: what the board shows. */
    public List<Visit> latestCalls(String point, LocalDate day, int limit) {
        return jdbc.sql("""
                SELECT * FROM recording_visit WHERE service_point = ? AND day = ? AND called_at IS NOT NULL
                AND state <> 'ABSENT' ORDER BY called_at DESC LIMIT ?""").params(point, day, limit).query(VisitStore::visit).list();
    }

    /** A waiting number's wish to be told when its turn nears (SOP C), as the registration desk took it. */
    public record TurnNotice(long visitId, String ticket, @Nullable String channel, @Nullable String address,
                             @Nullable String locale, boolean told) {

        public boolean wanted() {
            return address != null && !told;
        }
    }

    /**
     * The resident asked to be told: on this channel, at this address, in this language; a correction replaces it
     * until the notice is queued, and after that nothing does (the notice is one per visit).
     */
    public boolean askTurnNotice(long id, String channel, String address, String locale) {
        return jdbc.sql("""
                UPDATE recording_visit SET turn_channel = ?, turn_address = ?, turn_locale = ?
                WHERE id = ? AND state = 'QUEUED' AND turn_told_at IS NULL""")
                .params(channel, address, locale, id).update() == 1;
    }

    /** The next waiting numbers of the point's day in the order they are called (as {@link #callNext}). */
    public List<TurnNotice> nextWaiting(String point, LocalDate day, int limit) {
        return jdbc.sql("""
                SELECT id, ticket, turn_channel, turn_address, turn_locale, turn_told_at IS NOT NULL
                FROM recording_visit WHERE service_point = ? AND day = ? AND state = 'QUEUED'
                ORDER BY requeued DESC, priority IS NULL, queue_number LIMIT ?""").params(point, day, limit)
                .query((rs, n) -> new TurnNotice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6))).list();
    }

    /** Claims the notice of a visit: false if another call's transaction queued it first. The address goes. */
    public boolean turnTold(long id, Instant at) {
        return jdbc.sql("""
                UPDATE recording_visit SET turn_told_at = ?, turn_address = NULL
                WHERE id = ? AND turn_told_at IS NULL AND turn_address IS NOT NULL""")
                .params(utc(at), id).update() == 1;
    }

    /**
     * How long the day's latest recordings took, from the call (the last, where the number was called again) to
     * recorded, newest first: the desks' pace that the board's wait estimate rests on (decision 143).
     */
    public List<java.time.Duration> recordingTimes(String point, LocalDate day, int limit) {
        return jdbc.sql("""
                SELECT GREATEST(0, TIMESTAMPDIFF(SECOND, called_at, recorded_at)) FROM recording_visit
                WHERE service_point = ? AND day = ? AND recorded_at IS NOT NULL AND called_at IS NOT NULL
                ORDER BY recorded_at DESC LIMIT ?""").params(point, day, limit)
                .query((rs, n) -> java.time.Duration.ofSeconds(rs.getLong(1))).list();
    }

    /** The desks of the point that called a number of the day since the given moment: the desks at work now. */
    public int desksCallingSince(String point, LocalDate day, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT desk) FROM recording_visit
                WHERE service_point = ? AND day = ? AND called_at >= ? AND desk IS NOT NULL""")
                .params(point, day, utc(since)).query(Integer.class).single();
    }

    /**
     * A recording desk's day: numbers called, recorded (a proof issued, though its visit was closed at the day's
     * end before the proof was handed), failed and failed for technical reasons.
     */
    public record DeskDay(String desk, long called, long recorded, long failed, long technical) {
    }

    public List<DeskDay> desks(String point, LocalDate day) {
        return jdbc.sql("""
                SELECT desk, COUNT(*), SUM(proof_number IS NOT NULL), SUM(failures),
                       SUM(technical_failures)
                FROM recording_visit WHERE service_point = ? AND day = ? AND desk IS NOT NULL
                GROUP BY desk ORDER BY desk""").params(point, day)
                .query((rs, n) -> new DeskDay(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).list();
    }

    /** The waiting room of a point's day: calls (each ends a wait), seconds waited in all, the longest wait. */
    public record Waiting(long calls, long seconds, long longestSeconds) {
    }

    public Waiting waiting(String point, LocalDate day) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(waits), 0), COALESCE(SUM(waited_seconds), 0), COALESCE(MAX(longest_wait_seconds), 0)
                FROM recording_visit WHERE service_point = ? AND day = ?""").params(point, day)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** The registration operator's latest visit of the day still at their desk (documents or biometric check). */
    public Optional<Visit> atRegistration(String point, LocalDate day, String by) {
        return jdbc.sql("""
                SELECT * FROM recording_visit WHERE service_point = ? AND day = ? AND registered_by = ?
                AND state IN ('CHECKING', 'BIOMETRIC_CHECK') ORDER BY id DESC LIMIT 1""").params(point, day, by)
                .query(VisitStore::visit).optional();
    }

    /** The point's visits of a day not yet over, in the order they began. */
    public List<Visit> open(String point, LocalDate day) {
        return jdbc.sql("SELECT * FROM recording_visit WHERE service_point = ? AND day = ? AND state NOT IN ("
                + FINISHED + ") ORDER BY id").params(point, day).query(VisitStore::visit).list();
    }

    /** A point and a day. */
    public record PointDay(String point, LocalDate day) {
    }

    /** The points' days before the given one that still have a visit not over: what the night closes. */
    public List<PointDay> daysLeftOpen(LocalDate before) {
        return jdbc.sql("SELECT DISTINCT service_point, day FROM recording_visit WHERE day < ? AND state NOT IN ("
                + FINISHED + ") ORDER BY day, service_point LIMIT 1000").param(before)
                .query((rs, n) -> new PointDay(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
    }

    /** Closes a visit left open at the day's end, keeping the state it was in; a turn notice's address goes. */
    public boolean closed(long id, VisitState from, Instant at, String by) {
        return jdbc.sql("""
                UPDATE recording_visit SET state = 'CLOSED', closed_from = ?, closed_by = ?, ended_at = ?,
                    turn_address = NULL, version = version + 1
                WHERE id = ? AND state = ?""").params(from.name(), by, utc(at), id, from.name()).update() == 1;
    }

    public Optional<Visit> byProofToken(String token) {
        return jdbc.sql("SELECT * FROM recording_visit WHERE proof_token = ?").param(token).query(VisitStore::visit)
                .optional();
    }

    private static Visit visit(ResultSet rs, int n) throws SQLException {
        String priority = rs.getString("priority");
        return new Visit(rs.getLong("id"), rs.getString("service_point"), rs.getObject("day", LocalDate.class),
                rs.getString("nik"), rs.getString("full_name"), VisitState.valueOf(rs.getString("state")),
                rs.getString("closed_from") == null ? null : VisitState.valueOf(rs.getString("closed_from")),
                rs.getString("ticket"), priority == null ? null : Priority.valueOf(priority), rs.getBoolean("requeued"),
                rs.getString("return_reasons"), rs.getString("explanation"), rs.getString("failure_reason"),
                rs.getBoolean("technical_failure"), rs.getString("desk"), instantOrNull(rs, "called_at"),
                rs.getString("called_by"), rs.getString("registered_by"), rs.getString("recorded_by"), instantOrNull(rs, "recorded_at"), instant(rs, "started_at"),
                instantOrNull(rs, "ended_at"), rs.getString("proof_number"), rs.getString("proof_token"));
    }
}
