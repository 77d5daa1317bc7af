package id.dukcapil.portal.sla;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ended steps written straight into {@code sla_step} for the report benchmarks: every SOP step, 60 officers at 33
 * service points, durations log-normal around 80 % of the standard (most within, a long tail over), days in order.
 */
public final class GeneratedSteps {

    private GeneratedSteps() {
    }

    /** {@code count} steps over {@code days} days from {@code firstDay}; case ids {@code casePrefix-n}. */
    public static void load(JdbcTemplate jdbc, int count, LocalDate firstDay, int days, long seed, String casePrefix) {
        SopStep[] steps = SopStep.values();
        // Each step's latest standard: a step added by a dated change (B2) has no row from the start.
        Map<String, Integer> standards = new HashMap<>();
        jdbc.query("SELECT step, standard_seconds FROM sla_standard ORDER BY valid_from",
                rs -> { standards.put(rs.getString(1), rs.getInt(2)); });
        Random random = new Random(seed);
        // Many rows to a statement: a batch of single-row statements costs a round trip a row (19 minutes for ten
        // million on the 2-core machine); days in order, as an office records them, so a day's rows lie together.
        int perStatement = 1_000;
        String columns = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        for (int done = 0; done < count; done += perStatement) {
            int rows = Math.min(perStatement, count - done);
            List<Object> values = new ArrayList<>(rows * 12);
            for (int i = 0; i < rows; i++) {
                SopStep step = steps[random.nextInt(steps.length)];
                int standard = standards.get(step.name());
                LocalDate day = firstDay.plusDays((long) (done + i) * days / count);
                LocalDateTime start = day.atTime(1, 0).plusSeconds(random.nextInt(8 * 3600));
                long durationMs = Math.max(1000, Math.round(standard * 800 * Math.exp(0.45 * random.nextGaussian())));
                int officer = random.nextInt(60);
                values.addAll(List.of(step.procedure().name(), casePrefix + "-" + (done + i), step.name(),
                        Timestamp.valueOf(start), "officer" + officer, "SP-" + (officer % 33), standard,
                        Date.valueOf(day), Timestamp.valueOf(start.plusNanos(durationMs * 1_000_000)),
                        "officer" + officer, durationMs, durationMs <= standard * 1000L));
            }
            jdbc.update("""
                    INSERT INTO sla_step (procedure_code, case_id, step, started_at, started_by, service_point,
                        standard_seconds, day, ended_at, ended_by, duration_ms, within_standard)
                    VALUES """ + String.join(", ", Collections.nCopies(rows, columns)), values.toArray());
        }
        jdbc.execute("ANALYZE TABLE sla_step");
    }
}
