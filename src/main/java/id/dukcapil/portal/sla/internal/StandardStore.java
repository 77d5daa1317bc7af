package id.dukcapil.portal.sla.internal;

import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepStandard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The standard times ({@code sla_standard}); the step {@value #TOTAL} holds a procedure's total. */
@Component
public class StandardStore {

    static final String TOTAL = "TOTAL";

    private final JdbcClient jdbc;

    StandardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The standard of a step (or, with null, the procedure's total) in force on {@code day}. */
    public Optional<Duration> inForce(Procedure procedure, @Nullable SopStep step, LocalDate day) {
        return jdbc.sql("""
                SELECT standard_seconds FROM sla_standard
                WHERE procedure_code = ? AND step = ? AND valid_from <= ?
                ORDER BY valid_from DESC LIMIT 1""")
                .params(procedure.name(), code(step), day)
                .query((rs, n) -> Duration.ofSeconds(rs.getInt(1))).optional();
    }

    /** Every step's and procedure's standard in force on {@code day}. */
    public List<StepStandard> allInForce(LocalDate day) {
        return jdbc.sql("""
                SELECT s.procedure_code, s.step, s.standard_seconds, s.valid_from, s.changed_by FROM sla_standard s
                WHERE s.valid_from = (SELECT MAX(l.valid_from) FROM sla_standard l
                                      WHERE l.procedure_code = s.procedure_code AND l.step = s.step AND l.valid_from <= ?)""")
                .param(day)
                .query(StandardStore::standard).list();
    }

    /** Changes announced for after {@code day}. */
    public List<StepStandard> scheduledAfter(LocalDate day) {
        return jdbc.sql("""
                SELECT procedure_code, step, standard_seconds, valid_from, changed_by FROM sla_standard
                WHERE valid_from > ? ORDER BY valid_from, procedure_code, step""")
                .param(day)
                .query(StandardStore::standard).list();
    }

    /** A new standard from {@code validFrom}; one already set for that very day is replaced. */
    public void save(Procedure procedure, @Nullable SopStep step, Duration standard, LocalDate validFrom, String by,
                     Instant at) {
        jdbc.sql("""
                INSERT INTO sla_standard (procedure_code, step, standard_seconds, valid_from, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE standard_seconds = VALUES(standard_seconds), changed_by = VALUES(changed_by),
                    changed_at = VALUES(changed_at)""")
                .params(procedure.name(), code(step), standard.toSeconds(), validFrom, by, StepStore.utc(at))
                .update();
    }

    private static String code(@Nullable SopStep step) {
        return step == null ? TOTAL : step.name();
    }

    private static StepStandard standard(ResultSet rs, int row) throws SQLException {
        String step = rs.getString("step");
        return new StepStandard(Procedure.valueOf(rs.getString("procedure_code")),
                TOTAL.equals(step) ? null : SopStep.valueOf(step), Duration.ofSeconds(rs.getInt("standard_seconds")),
                rs.getObject("valid_from", LocalDate.class), rs.getString("changed_by"));
    }
}
