package id.dukcapil.portal.reports.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The daily rollups ({@code reports_rollup_day}, one packed row per day) and the watermark of ended steps taken in. */
@Component
public class RollupStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    RollupStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(16);
    }

    /** Takes the day's row lock (creating it), so that two nodes rebuilding the same day take turns. */
    public void lockDay(LocalDate day, Instant now) {
        jdbc.sql("""
                INSERT INTO reports_rollup_day (day, steps, built_at, content) VALUES (?, -1, ?, '')
                ON DUPLICATE KEY UPDATE built_at = built_at""").params(day, utc(now)).update();
        jdbc.sql("SELECT day FROM reports_rollup_day WHERE day = ? FOR UPDATE").param(day).query().singleRow();
    }

    public void replaceDay(LocalDate day, byte[] content, long steps, Instant now) {
        jdbc.sql("UPDATE reports_rollup_day SET steps = ?, built_at = ?, content = ? WHERE day = ?")
                .params(steps, utc(now), content, day).update();
    }

    /** The steps each built day holds. */
    public Map<LocalDate, Long> builtDays(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> days = new TreeMap<>();
        jdbc.sql("SELECT day, steps FROM reports_rollup_day WHERE day BETWEEN ? AND ?").params(from, to)
                .query(rs -> { days.put(rs.getObject(1, LocalDate.class), rs.getLong(2)); });
        return days;
    }

    /** Each built day's packed rollup ({@link DayRollup}), in day order. */
    public void forEachDay(LocalDate from, LocalDate to, BiConsumer<LocalDate, byte[]> action) {
        streaming.query("SELECT day, content FROM reports_rollup_day WHERE day BETWEEN ? AND ? AND steps > 0 ORDER BY day",
                rs -> { action.accept(rs.getObject(1, LocalDate.class), rs.getBytes(2)); }, from, to);
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

}
