package id.dukcapil.portal.recording.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link VisitSql} with {@code JdbcClient}. */
class VisitSqlImpl implements VisitSql {

    /** The states a visit ends in (VisitState.finished()), as SQL. */
    private static final String FINISHED = "'DOCUMENTS_RETURNED', 'ALREADY_RECORDED', 'PROOF_HANDED', 'CLOSED'";

    private final JdbcClient jdbc;

    VisitSqlImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int nextNumber(String point, LocalDate day) {
        jdbc.sql("""
                INSERT INTO recording_queue_day (service_point, day, last_number) VALUES (?, ?, 1)
                ON DUPLICATE KEY UPDATE last_number = last_number + 1""").params(point, day).update();
        return jdbc.sql("SELECT last_number FROM recording_queue_day WHERE service_point = ? AND day = ?")
                .params(point, day).query(Integer.class).single();
    }

    @Override
    public int nextProofNumber(String point, int year) {
        jdbc.sql("""
                INSERT INTO recording_proof_year (service_point, proof_year, last_number) VALUES (?, ?, 1)
                ON DUPLICATE KEY UPDATE last_number = last_number + 1""").params(point, year).update();
        return jdbc.sql("SELECT last_number FROM recording_proof_year WHERE service_point = ? AND proof_year = ?")
                .params(point, year).query(Integer.class).single();
    }

    @Override
    public int lockNumbers(String point, LocalDate day) {
        jdbc.sql("""
                INSERT INTO recording_queue_day (service_point, day, last_number) VALUES (?, ?, 0)
                ON DUPLICATE KEY UPDATE last_number = last_number""").params(point, day).update();
        return jdbc.sql("SELECT last_number FROM recording_queue_day WHERE service_point = ? AND day = ? FOR UPDATE")
                .params(point, day).query(Integer.class).single();
    }

    @Override
    public void shareNumbers(String point, LocalDate day) {
        jdbc.sql("INSERT IGNORE INTO recording_queue_day (service_point, day, last_number) VALUES (?, ?, 0)")
                .params(point, day).update();
        jdbc.sql("SELECT last_number FROM recording_queue_day WHERE service_point = ? AND day = ? LOCK IN SHARE MODE")
                .params(point, day).query(Integer.class).single();
    }

    @Override
    public int lockProofs(String point, int year) {
        jdbc.sql("""
                INSERT INTO recording_proof_year (service_point, proof_year, last_number) VALUES (?, ?, 0)
                ON DUPLICATE KEY UPDATE last_number = last_number""").params(point, year).update();
        return jdbc.sql("""
                SELECT last_number FROM recording_proof_year WHERE service_point = ? AND proof_year = ? FOR UPDATE""")
                .params(point, year).query(Integer.class).single();
    }

    @Override
    public void numberTaken(String point, LocalDate day, int number) {
        jdbc.sql("""
                INSERT INTO recording_queue_day (service_point, day, last_number) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE last_number = GREATEST(last_number, VALUES(last_number))""")
                .params(point, day, number).update();
    }

    @Override
    public void proofTaken(String point, int year, int number) {
        jdbc.sql("""
                INSERT INTO recording_proof_year (service_point, proof_year, last_number) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE last_number = GREATEST(last_number, VALUES(last_number))""")
                .params(point, year, number).update();
    }

    @Override
    public Optional<Long> claimNextWaiting(String point, LocalDate day) {
        return jdbc.sql("""
                SELECT id FROM recording_visit WHERE service_point = ? AND day = ? AND state = 'QUEUED'
                ORDER BY requeued DESC, priority IS NULL, queue_number LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .params(point, day).query(Long.class).optional();
    }

    @Override
    public List<TurnNotice> nextWaiting(String point, LocalDate day, int limit) {
        return jdbc.sql("""
                SELECT id, ticket, turn_channel, turn_address, turn_locale, turn_told_at IS NOT NULL
                FROM recording_visit WHERE service_point = ? AND day = ? AND state = 'QUEUED'
                ORDER BY requeued DESC, priority IS NULL, queue_number LIMIT ?""").params(point, day, limit)
                .query((rs, n) -> new TurnNotice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6))).list();
    }

    @Override
    public boolean turnTold(long id, Instant at) {
        return jdbc.sql("""
                UPDATE recording_visit SET turn_told_at = ?, turn_address = NULL, version = version + 1
                WHERE id = ? AND turn_told_at IS NULL AND turn_address IS NOT NULL""")
                .params(utc(at), id).update() == 1;
    }

    @Override
    public List<Duration> recordingTimes(String point, LocalDate day, int limit) {
        return jdbc.sql("""
                SELECT GREATEST(0, TIMESTAMPDIFF(SECOND, called_at, recorded_at)) FROM recording_visit
                WHERE service_point = ? AND day = ? AND recorded_at IS NOT NULL AND called_at IS NOT NULL
                ORDER BY recorded_at DESC LIMIT ?""").params(point, day, limit)
                .query((rs, n) -> Duration.ofSeconds(rs.getLong(1))).list();
    }

    @Override
    public int desksCallingSince(String point, LocalDate day, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT desk) FROM recording_visit
                WHERE service_point = ? AND day = ? AND called_at >= ? AND desk IS NOT NULL""")
                .params(point, day, utc(since)).query(Integer.class).single();
    }

    @Override
    public List<DeskDay> desks(String point, LocalDate day) {
        return jdbc.sql("""
                SELECT desk, COUNT(*), SUM(proof_number IS NOT NULL), SUM(failures),
                       SUM(technical_failures)
                FROM recording_visit WHERE service_point = ? AND day = ? AND desk IS NOT NULL
                GROUP BY desk ORDER BY desk""").params(point, day)
                .query((rs, n) -> new DeskDay(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).list();
    }

    @Override
    public Waiting waiting(String point, LocalDate day) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(waits), 0), COALESCE(SUM(waited_seconds), 0), COALESCE(MAX(longest_wait_seconds), 0)
                FROM recording_visit WHERE service_point = ? AND day = ?""").params(point, day)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    @Override
    public List<PointDay> daysLeftOpen(LocalDate before) {
        return jdbc.sql("SELECT DISTINCT service_point, day FROM recording_visit WHERE day < ? AND state NOT IN ("
                + FINISHED + ") ORDER BY day, service_point LIMIT 1000").param(before)
                .query((rs, n) -> new PointDay(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
    }
}
