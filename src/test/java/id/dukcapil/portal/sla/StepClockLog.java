package id.dukcapil.portal.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One case's step clocks as the log holds them, for the day tests of a procedure: each step's start, end, duration,
 * standard, verdict and excuse checked against the times the test made happen.
 */
public final class StepClockLog {

    /** One entry of a step (a step entered twice, as a number called again, has two, in order). */
    public record Entry(Instant startedAt, @Nullable Instant endedAt, @Nullable Long durationMs,
                        int standardSeconds, @Nullable Boolean withinStandard, @Nullable String excusedReason,
                        @Nullable String abandonedReason) {
    }

    private final JdbcTemplate jdbc;
    private final String caseId;

    public StepClockLog(JdbcTemplate jdbc, String caseId) {
        this.jdbc = jdbc;
        this.caseId = caseId;
    }

    /** The step's entries, oldest first. */
    public List<Entry> entries(SopStep step) {
        return jdbc.query("""
                SELECT started_at, ended_at, duration_ms, standard_seconds, within_standard, excused_reason,
                    abandoned_reason
                FROM sla_step WHERE case_id = ? AND step = ? ORDER BY started_at, id""", (rs, n) -> new Entry(
                utc(rs.getTimestamp(1)), rs.getTimestamp(2) == null ? null : utc(rs.getTimestamp(2)),
                (Long) rs.getObject(3, Long.class), rs.getInt(4), (Boolean) rs.getObject(5, Boolean.class),
                rs.getString(6), rs.getString(7)), caseId, step.name());
    }

    /** The step was entered once, ran from {@code start} to {@code end}, judged against the seed's standard. */
    public Entry ran(SopStep step, Instant start, Instant end, Duration seedStandard) {
        List<Entry> entries = entries(step);
        assertThat(entries).as("%s of %s entered once", step, caseId).hasSize(1);
        return ran(entries.getFirst(), step, start, end, seedStandard);
    }

    /** The step's {@code index}th entry ran from {@code start} to {@code end}. */
    public Entry ran(int index, SopStep step, Instant start, Instant end, Duration seedStandard) {
        return ran(entries(step).get(index), step, start, end, seedStandard);
    }

    /**
     * The step was entered once at {@code start} and ended at {@code end} without its output: no duration, no
     * verdict against its standard, the reason containing {@code reason}.
     */
    public Entry abandoned(SopStep step, Instant start, Instant end, String reason) {
        List<Entry> entries = entries(step);
        assertThat(entries).as("%s of %s entered once", step, caseId).hasSize(1);
        return abandoned(entries.getFirst(), step, start, end, reason);
    }

    /** The step's {@code index}th entry ended abandoned. */
    public Entry abandoned(int index, SopStep step, Instant start, Instant end, String reason) {
        return abandoned(entries(step).get(index), step, start, end, reason);
    }

    private Entry abandoned(Entry entry, SopStep step, Instant start, Instant end, String reason) {
        String what = step + " of " + caseId;
        assertThat(entry.startedAt()).as("%s started", what).isEqualTo(start);
        assertThat(entry.endedAt()).as("%s ended", what).isEqualTo(end);
        assertThat(entry.durationMs()).as("%s has no duration: it did not happen", what).isNull();
        assertThat(entry.withinStandard()).as("%s has no verdict", what).isNull();
        assertThat(entry.abandonedReason()).as("%s abandoned", what).contains(reason);
        return entry;
    }

    private Entry ran(Entry entry, SopStep step, Instant start, Instant end, Duration seedStandard) {
        String what = step + " of " + caseId;
        assertThat(entry.abandonedReason()).as("%s abandoned", what).isNull();
        assertThat(entry.startedAt()).as("%s started", what).isEqualTo(start);
        assertThat(entry.endedAt()).as("%s ended", what).isEqualTo(end);
        assertThat(entry.durationMs()).as("%s lasted", what).isEqualTo(Duration.between(start, end).toMillis());
        assertThat(entry.standardSeconds()).as("%s judged against the seed's standard", what)
                .isEqualTo(seedStandard.toSeconds());
        assertThat(entry.withinStandard()).as("%s within its standard", what)
                .isEqualTo(Duration.between(start, end).compareTo(seedStandard) <= 0);
        return entry;
    }

    /** As {@link #ran}, and no excuse: the step had no technical fault. */
    public void ranUnexcused(SopStep step, Instant start, Instant end, Duration seedStandard) {
        assertThat(ran(step, start, end, seedStandard).excusedReason()).as("%s of %s excused", step, caseId).isNull();
    }

    /** The step was never entered. */
    public void never(SopStep step) {
        assertThat(entries(step)).as("%s of %s never entered", step, caseId).isEmpty();
    }

    private static Instant utc(Timestamp stored) {
        return stored.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
