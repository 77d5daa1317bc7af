package id.dukcapil.portal.reports.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The daily rollups ({@code reports_step_day}), the days built, and the watermark of ended steps taken in. */
@Component
public class RollupStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JdbcTemplate streaming;

    RollupStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2_000);
    }

    /** One group of one day; '' in the text columns stands for none. */
    public record Row(LocalDate day, String procedure, String step, String servicePoint, String officer, int steps,
                      int withinStandard, byte[] durations) {
    }

    /** Takes the day's row lock (creating it), so that two nodes rebuilding the same day take turns. */
    public void lockDay(LocalDate day, Instant now) {
        jdbc.sql("""
                INSERT INTO reports_rollup_day (day, steps, built_at) VALUES (?, -1, ?)
                ON DUPLICATE KEY UPDATE built_at = built_at""").params(day, utc(now)).update();
        jdbc.sql("SELECT day FROM reports_rollup_day WHERE day = ? FOR UPDATE").param(day).query().singleRow();
    }

    public void replaceDay(LocalDate day, List<Row> rows, long steps, Instant now) {
        jdbc.sql("DELETE FROM reports_step_day WHERE day = ?").param(day).update();
        batch.batchUpdate("""
                INSERT INTO reports_step_day (day, procedure_code, step, service_point, officer, steps, within_standard,
                    durations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(row -> new Object[] {row.day(),
                row.procedure(), row.step(), row.servicePoint(), row.officer(), row.steps(), row.withinStandard(),
                row.durations()}).toList());
        jdbc.sql("UPDATE reports_rollup_day SET steps = ?, built_at = ? WHERE day = ?")
                .params(steps, utc(now), day).update();
    }

    /** The steps each built day holds. */
    public Map<LocalDate, Long> builtDays(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> days = new TreeMap<>();
        jdbc.sql("SELECT day, steps FROM reports_rollup_day WHERE day BETWEEN ? AND ?").params(from, to)
                .query(rs -> { days.put(rs.getObject(1, LocalDate.class), rs.getLong(2)); });
        return days;
    }

    public Instant watermark() {
        return jdbc.sql("SELECT watermark FROM reports_rollup_state WHERE id = 1")
                .query((rs, n) -> instant(rs.getTimestamp(1))).single();
    }

    /**
     * The database's time, in UTC: the watermark follows it rather than the portal's clock, so that a node whose
     * clock runs ahead (or a test's clock set years on) never moves it past steps not yet taken in.
     */
    public Instant databaseNow() {
        return jdbc.sql("SELECT UTC_TIMESTAMP(3)").query((rs, n) -> instant(rs.getTimestamp(1))).single();
    }

    /** Only ever forward. */
    public void advanceWatermark(Instant to) {
        jdbc.sql("UPDATE reports_rollup_state SET watermark = GREATEST(watermark, ?) WHERE id = 1").param(utc(to)).update();
    }

    /** The rows of the days, optionally of one procedure, service point or officer, in day order. */
    public void forEach(LocalDate from, LocalDate to, @Nullable String procedure, @Nullable String servicePoint,
                        @Nullable String officer, Consumer<Row> action) {
        StringBuilder sql = new StringBuilder("""
                SELECT day, procedure_code, step, service_point, officer, steps, within_standard, durations
                FROM reports_step_day WHERE day BETWEEN ? AND ?""");
        List<Object> params = new ArrayList<>(List.of(from, to));
        if (StringUtils.hasText(procedure)) {
            sql.append(" AND procedure_code = ?");
            params.add(procedure);
        }
        if (StringUtils.hasText(servicePoint)) {
            sql.append(" AND service_point = ?");
            params.add(servicePoint);
        }
        if (StringUtils.hasText(officer)) {
            sql.append(" AND officer = ?");
            params.add(officer);
        }
        streaming.query(sql.toString(), rs -> {
            action.accept(new Row(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getBytes(8)));
        }, params.toArray());
    }

    /** The service points and officers of the rollups in a period: the dashboard's filter choices. */
    public List<String> servicePoints(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT DISTINCT service_point FROM reports_step_day WHERE day BETWEEN ? AND ? AND service_point <> ''
                ORDER BY service_point""").params(from, to).query(String.class).list();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
