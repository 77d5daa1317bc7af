package id.dukcapil.portal.shared.tx;

import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database's own list of running statements: which connection is where, to kill or to wait for. */
public final class RunningStatements {

    private RunningStatements() {
    }

    /**
     * The id of the newest connection running a statement like the pattern (SQL {@code LIKE}), once one is (at most
     * 10 s): a statement waiting for a row lock stays in the list for as long as it waits.
     */
    public static long await(JdbcTemplate jdbc, String like) throws InterruptedException {
        return await(jdbc, like, 0);
    }

    /** The same, but another than the connection given: a killed one stays in the list for a moment. */
    public static long await(JdbcTemplate jdbc, String like, long other) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Long id = jdbc.query("SELECT id FROM information_schema.processlist WHERE info LIKE ? "
                            + "AND id <> CONNECTION_ID() AND id <> ? AND command <> 'Killed' ORDER BY id DESC LIMIT 1",
                    (ResultSet rs) -> rs.next() ? rs.getLong(1) : null, like, other);
            if (id != null) {
                return id;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No statement like " + like + " ran; running: " + jdbc.queryForList(
                "SELECT id, command, state, info FROM information_schema.processlist WHERE info IS NOT NULL"));
    }
}
