package id.dukcapil.portal.sla.internal;

import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepRecord;
import id.dukcapil.portal.shared.jdbc.SqlOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The recorded steps ({@code sla_step}). */
@Component
public class StepStore {

    /**
     * How far past its standard an open step is at {@code :now}, in microseconds: to the second, steps begun in the
     * same second would tie and sort apart from what the list shows.
     */
    private static final String OVER = "TIMESTAMPDIFF(MICROSECOND, s.started_at, :now) - s.standard_seconds * 1000000";
    private static final String COLUMNS = """
            id, procedure_code, case_id, step, started_at, started_by, service_point, standard_seconds, ended_at,
            ended_by, abandoned_reason""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    StepStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public long insert(CaseRef caseRef, SopStep step, Instant at, String actor, @Nullable String servicePoint,
                       Duration standard, LocalDate day) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sla_step (procedure_code, case_id, step, started_at, started_by, service_point,
                    standard_seconds, day)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseRef.procedure().name(), caseRef.caseId(), step.name(), utc(at), actor, servicePoint,
                        standard.toSeconds(), day)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** A step that waits in an inbox until an officer takes it ({@link #take}): its clock has not started. */
    public long insertWaiting(CaseRef caseRef, SopStep step, Instant at, String actor, @Nullable String servicePoint,
                              Duration standard, LocalDate day) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sla_step (procedure_code, case_id, step, started_at, started_by, service_point,
                    standard_seconds, day, queued_at, waiting)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)""")
                .params(caseRef.procedure().name(), caseRef.caseId(), step.name(), utc(at), actor, servicePoint,
                        standard.toSeconds(), day, utc(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * The waiting step taken: its clock starts now, held by the taker (who queued it stays its starter: given back,
     * the SLA list names nobody holding it). False if it was not waiting (taken before and given back: its clock runs
     * on).
     */
    public boolean take(long id, Instant at, @Nullable String actor) {
        return jdbc.sql("""
                UPDATE sla_step SET started_at = ?, held_by = ?, waiting = FALSE
                WHERE id = ? AND waiting = TRUE AND ended_at IS NULL""")
                .params(utc(at), actor, id).update() == 1;
    }

    /** Whether the open step is still waiting to be taken. */
    public boolean waiting(long id) {
        return jdbc.sql("SELECT waiting FROM sla_step WHERE id = ?").params(id).query(Boolean.class).single();
    }

    /**
     * How long each case of a procedure's day at a point waited in the inbox before its step was taken, in
     * milliseconds, the steps still waiting left out.
     */
    public List<Long> waits(String procedure, String servicePoint, LocalDate day, SopStep step) {
        return jdbc.sql("""
                SELECT TIMESTAMPDIFF(MICROSECOND, queued_at, started_at) DIV 1000 FROM sla_step
                WHERE procedure_code = ? AND service_point = ? AND day = ? AND step = ?
                AND queued_at IS NOT NULL AND waiting = FALSE ORDER BY 1""")
                .params(procedure, servicePoint, day, step.name()).query(Long.class).list();
    }

    /** How many of them are still waiting. */
    public long stillWaiting(String procedure, String servicePoint, LocalDate day, SopStep step) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM sla_step WHERE procedure_code = ? AND service_point = ? AND day = ? AND step = ?
                AND waiting = TRUE AND ended_at IS NULL""")
                .params(procedure, servicePoint, day, step.name()).query(Long.class).single();
    }

    /** Steps already finished when they are recorded: one batch of inserts. */
    public void insertFinished(List<FinishedRow> rows) {
        batch.batchUpdate("""
                INSERT INTO sla_step (procedure_code, case_id, step, started_at, started_by, service_point,
                    standard_seconds, day, ended_at, ended_by, duration_ms, within_standard)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(row -> {
            FinishedStep step = row.step();
            Duration duration = Duration.between(step.start(), step.end());
            return new Object[] {step.caseRef().procedure().name(), step.caseRef().caseId(), step.step().name(),
                    utc(step.start()), step.actor(), step.servicePoint(), row.standard().toSeconds(), row.day(),
                    utc(step.end()), step.actor(), duration.toMillis(), duration.compareTo(row.standard()) <= 0};
        }).toList());
    }

    /** The open run of that step, locked until the caller's transaction ends. */
    public Optional<StepRecord> openStepForUpdate(CaseRef caseRef, SopStep step) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM sla_step
                WHERE procedure_code = ? AND case_id = ? AND step = ? AND ended_at IS NULL
                ORDER BY started_at DESC LIMIT 1 FOR UPDATE""")
                .params(caseRef.procedure().name(), caseRef.caseId(), step.name())
                .query(StepStore::record).optional();
    }

    public void end(long id, Instant at, String actor, Duration duration, boolean withinStandard,
                    @Nullable String excusedReason) {
        jdbc.sql("""
                UPDATE sla_step SET ended_at = ?, ended_by = ?, duration_ms = ?, within_standard = ?, excused_reason = ?
                WHERE id = ? AND ended_at IS NULL""")
                .params(utc(at), actor, duration.toMillis(), withinStandard, excusedReason, id)
                .update();
    }

    /** Ends the step without a duration: it did not happen, and no report counts it as done. */
    public void abandon(long id, Instant at, String actor, String reason) {
        jdbc.sql("""
                UPDATE sla_step SET ended_at = ?, ended_by = ?, abandoned_reason = ?
                WHERE id = ? AND ended_at IS NULL""")
                .params(utc(at), actor, reason, id)
                .update();
    }

    /** Per step of a procedure's day at a point: how many ended abandoned. */
    public java.util.Map<String, Long> abandoned(String procedure, String servicePoint, java.time.LocalDate day) {
        java.util.Map<String, Long> abandoned = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT step, COUNT(*) FROM sla_step WHERE procedure_code = ? AND service_point = ? AND day = ?
                AND abandoned_reason IS NOT NULL GROUP BY step""")
                .params(procedure, servicePoint, day).query(rs -> { abandoned.put(rs.getString(1), rs.getLong(2)); });
        return abandoned;
    }

    /** How many cases of the procedure began at the point that day with the step (their first step): new cases. */
    public long casesBegun(String procedure, String servicePoint, java.time.LocalDate day, SopStep step) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT s.case_id) FROM sla_step s
                WHERE s.procedure_code = ? AND s.service_point = ? AND s.day = ? AND s.step = ?
                AND NOT EXISTS (SELECT 1 FROM sla_step e WHERE e.procedure_code = s.procedure_code
                    AND e.case_id = s.case_id AND e.started_at < s.started_at)""")
                .params(procedure, servicePoint, day, step.name()).query(Long.class).single();
    }

    /** Per step of a procedure's day at a point: how many overruns were excused. */
    public java.util.Map<String, Long> excusedOverruns(String procedure, String servicePoint, java.time.LocalDate day) {
        java.util.Map<String, Long> excused = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT step, COUNT(*) FROM sla_step WHERE procedure_code = ? AND service_point = ? AND day = ?
                AND within_standard = FALSE AND excused_reason IS NOT NULL GROUP BY step""")
                .params(procedure, servicePoint, day).query(rs -> { excused.put(rs.getString(1), rs.getLong(2)); });
        return excused;
    }

    /** The open steps of the cases of a procedure (at most a desk's list of them). */
    public List<StepRecord> open(Procedure procedure, java.util.Collection<String> caseIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_step WHERE procedure_code = :procedure AND case_id IN (:cases)"
                        + " AND ended_at IS NULL")
                .param("procedure", procedure.name()).param("cases", List.copyOf(caseIds))
                .query(StepStore::record).list();
    }

    public List<StepRecord> history(CaseRef caseRef) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_step WHERE procedure_code = ? AND case_id = ? ORDER BY started_at, id")
                .params(caseRef.procedure().name(), caseRef.caseId())
                .query(StepStore::record).list();
    }

    /**
     * What the overdue list may be sorted by (the grid's sort properties), and its own order: longest over first. A
     * time since a start is short when the start is late.
     */
    public static final SqlOrder OVERDUE_ORDER = new SqlOrder(Map.of("case", "s.case_id", "started", "s.started_at",
            "elapsed", "-s.started_at", "over", OVER, "caseElapsed", "-case_started_at"), OVER + " DESC, s.id");

    /**
     * Open steps over their standard at {@code now}, in the order asked (see {@link #OVERDUE_ORDER}), with when their
     * case started. Step B10 (the card waiting at the kiosk for the citizen) is the citizen's time, not the office's,
     * and a step waiting in an inbox has not started: neither is listed.
     */
    public List<OverdueRow> overdue(Instant now, @Nullable Procedure procedure, Sort order, long offset, int limit) {
        return jdbc.sql("SELECT " + prefixed("s") + """
                , s.held_by, (SELECT MIN(COALESCE(c.queued_at, c.started_at)) FROM sla_step c
                       WHERE c.procedure_code = s.procedure_code AND c.case_id = s.case_id) AS case_started_at
                FROM sla_step s
                WHERE s.ended_at IS NULL AND TIMESTAMPADD(SECOND, s.standard_seconds, s.started_at) < :now
                    AND (:procedure IS NULL OR s.procedure_code = :procedure) AND s.step <> 'B10_ADM_PRINT'
                    AND s.waiting = FALSE
                """ + OVERDUE_ORDER.of(order) + " LIMIT :limit OFFSET :offset")
                .param("now", utc(now)).param("procedure", procedure == null ? null : procedure.name())
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new OverdueRow(record(rs, n), instant(rs.getTimestamp("case_started_at")),
                        rs.getString("held_by")))
                .list();
    }

    public record OverdueRow(StepRecord step, Instant caseStartedAt, @Nullable String heldBy) {
    }

    /** The open step's holder now (a claim), or nobody's apart from who started it ({@code null}). */
    public void hold(CaseRef caseRef, SopStep step, @Nullable String actor) {
        jdbc.sql("""
                UPDATE sla_step SET held_by = ?
                WHERE procedure_code = ? AND case_id = ? AND step = ? AND ended_at IS NULL""")
                .params(actor, caseRef.procedure().name(), caseRef.caseId(), step.name()).update();
    }

    /**
     * How many open steps of each step are over their standard at {@code now} (decision 178's meter), B10 left out as
     * in {@link #overdue}; one grouped read of the open steps' index. Steps with none are absent.
     */
    public java.util.Map<String, Long> overdueCounts(Instant now) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT s.step, COUNT(*) AS overdue FROM sla_step s
                WHERE s.ended_at IS NULL AND TIMESTAMPADD(SECOND, s.standard_seconds, s.started_at) < :now
                    AND s.step <> 'B10_ADM_PRINT' AND s.waiting = FALSE
                GROUP BY s.step""")
                .param("now", utc(now))
                .query(rs -> {
                    counts.put(rs.getString("step"), rs.getLong("overdue"));
                });
        return counts;
    }

    private static String prefixed(String alias) {
        return String.join(", ", java.util.Arrays.stream(COLUMNS.split(","))
                .map(String::strip).map(column -> alias + "." + column).toList());
    }

    private static StepRecord record(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new StepRecord(rs.getLong("id"),
                new CaseRef(Procedure.valueOf(rs.getString("procedure_code")), rs.getString("case_id")),
                SopStep.valueOf(rs.getString("step")), instant(rs.getTimestamp("started_at")),
                rs.getString("started_by"), rs.getString("service_point"),
                Duration.ofSeconds(rs.getInt("standard_seconds")), ended == null ? null : instant(ended),
                rs.getString("ended_by"), rs.getString("abandoned_reason"));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    public record FinishedRow(FinishedStep step, Duration standard, LocalDate day) {
    }
}
