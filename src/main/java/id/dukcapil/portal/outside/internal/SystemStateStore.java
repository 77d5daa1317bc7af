package id.dukcapil.portal.outside.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.SystemState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code outside_system}: one row per outside system, the cluster's state of it. Each change of state is one
 * conditional update, so of two nodes that see the same change at once one makes it (and audits it).
 */
@Component
public class SystemStateStore {

    /** The column's length: the failure's words are cut to it. */
    public static final int FAILURE_MAX_LENGTH = 500;

    private final JdbcClient jdbc;

    SystemStateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up now, from away or never contacted: true when this call changed it. */
    public boolean up(OutsideSystem system, Instant now) {
        ensure(system);
        return jdbc.sql("""
                UPDATE outside_system SET status = 'UP', away_since = NULL, last_contact = ?, changed_at = ?
                WHERE system_name = ? AND status <> 'UP'""")
                .params(utc(now), utc(now), system.name()).update() == 1;
    }

    /** A contact while up: its time, unless a later one is already written. */
    public void contact(OutsideSystem system, Instant now) {
        jdbc.sql("""
                UPDATE outside_system SET last_contact = ?
                WHERE system_name = ? AND (last_contact IS NULL OR last_contact < ?)""")
                .params(utc(now), system.name(), utc(now)).update();
    }

    /** Away now, from up or never contacted: true when this call changed it. */
    public boolean away(OutsideSystem system, Instant now, String failure) {
        ensure(system);
        return jdbc.sql("""
                UPDATE outside_system SET status = 'AWAY', away_since = ?, last_failure = ?, changed_at = ?
                WHERE system_name = ? AND status <> 'AWAY'""")
                .params(utc(now), failure, utc(now), system.name()).update() == 1;
    }

    /** Still away: the newest failure's words. */
    public void failure(OutsideSystem system, String failure) {
        jdbc.sql("UPDATE outside_system SET last_failure = ? WHERE system_name = ? AND status = 'AWAY'")
                .params(failure, system.name()).update();
    }

    public List<SystemState> states() {
        return jdbc.sql("SELECT system_name, status, away_since, last_failure, last_contact FROM outside_system")
                .query((rs, n) -> row(rs)).list();
    }

    public SystemState state(OutsideSystem system) {
        return jdbc.sql("""
                SELECT system_name, status, away_since, last_failure, last_contact FROM outside_system
                WHERE system_name = ?""")
                .param(system.name()).query((rs, n) -> row(rs)).optional()
                .orElse(SystemState.notContacted(system));
    }

    /** The row of a system the change sets did not know (a system added later): not contacted yet. */
    private void ensure(OutsideSystem system) {
        jdbc.sql("INSERT IGNORE INTO outside_system (system_name, status) VALUES (?, 'NOT_CONTACTED')")
                .param(system.name()).update();
    }

    private static SystemState row(ResultSet rs) throws SQLException {
        return new SystemState(OutsideSystem.valueOf(rs.getString("system_name")), SystemState.Status.valueOf(rs.getString("status")),
                instantOrNull(rs, "away_since"), rs.getString("last_failure"), instantOrNull(rs, "last_contact"));
    }
}
