package id.dukcapil.portal.sla.internal;

import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.EndedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepLogFilter;
import id.dukcapil.portal.shared.jdbc.SqlOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Ended steps one by one ({@code sla_step}): streamed for exports, paged for the cases behind a figure. */
@Component
public class StepLogQueries {

    private static final int FETCH_SIZE = 5_000;
    private static final String COLUMNS = """
            id, procedure_code, case_id, step, day, started_at, ended_at, service_point, ended_by, duration_ms,
            standard_seconds, within_standard, excused_reason""";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    StepLogQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        // A year of steps streams through: the driver never holds more than a fetch of rows.
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    public long forEach(StepLogFilter filter, Consumer<EndedStep> action) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM sla_step" + where(filter, params) + " ORDER BY day, started_at, id";
        long[] count = {0};
        streaming.query(sql, rs -> {
            action.accept(row(rs));
            count[0]++;
        }, params.toArray());
        return count[0];
    }

    /** What a page of cases may be sorted by (the grid's sort properties), and its own order: longest first. */
    public static final SqlOrder CASES_ORDER = new SqlOrder(Map.of("case", "case_id", "started", "started_at",
            "officer", "ended_by", "duration", "duration_ms"), "duration_ms DESC, id");

    public List<EndedStep> page(StepLogFilter filter, Sort order, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM sla_step" + where(filter, params)
                + " " + CASES_ORDER.of(order) + " LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        return jdbc.query(sql, (rs, n) -> row(rs), params.toArray());
    }

    /** Reads the index on ended_at ({@code ix_sla_step_open}): only the steps ended since then. */
    public SortedSet<LocalDate> daysEndedSince(Instant since) {
        return new TreeSet<>(jdbc.queryForList("SELECT DISTINCT day FROM sla_step WHERE ended_at >= ?",
                LocalDate.class, StepStore.utc(since)));
    }

    public Map<LocalDate, Long> endedPerDay(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> counts = new TreeMap<>();
        jdbc.query("""
                SELECT day, COUNT(*) FROM sla_step FORCE INDEX (ix_sla_step_report)
                WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL GROUP BY day""",
                rs -> { counts.put(rs.getObject(1, LocalDate.class), rs.getLong(2)); }, from, to);
        return counts;
    }

    private static String where(StepLogFilter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE day BETWEEN ? AND ? AND duration_ms IS NOT NULL");
        params.add(filter.from());
        params.add(filter.to());
        if (filter.procedure() != null) {
            where.append(" AND procedure_code = ?");
            params.add(filter.procedure().name());
        }
        if (filter.step() != null) {
            where.append(" AND step = ?");
            params.add(filter.step().name());
        }
        if (StringUtils.hasText(filter.servicePoint())) {
            where.append(" AND service_point = ?");
            params.add(filter.servicePoint());
        }
        if (StringUtils.hasText(filter.officer())) {
            where.append(" AND ended_by = ?");
            params.add(filter.officer());
        }
        if (filter.overStandardOnly()) {
            where.append(" AND within_standard = FALSE");
        }
        return where.toString();
    }

    private static EndedStep row(ResultSet rs) throws SQLException {
        return new EndedStep(rs.getLong(1), new CaseRef(Procedure.valueOf(rs.getString(2)), rs.getString(3)),
                SopStep.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(9), rs.getLong(10),
                Duration.ofSeconds(rs.getInt(11)), rs.getBoolean(12), rs.getString(13));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
