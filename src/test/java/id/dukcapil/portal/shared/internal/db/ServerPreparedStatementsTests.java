package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pool's connections prepare statements on the server, once each, and execute them there (decision 113). */
@PortalTest
class ServerPreparedStatementsTests {

    @Autowired JdbcTemplate jdbc;

    @Test
    void a_statement_run_three_times_is_prepared_once_and_executed_on_the_server() {
        long[] added = jdbc.execute((ConnectionCallback<long[]>) connection -> {
            long executed = sessionCount(connection, "Com_stmt_execute");
            long prepared = sessionCount(connection, "Com_stmt_prepare");
            for (int i = 0; i < 3; i++) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT ? + 1 AS next_number");
                     ResultSet rows = bind(statement, i).executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(i + 1);
                }
            }
            return new long[] {sessionCount(connection, "Com_stmt_execute") - executed,
                    sessionCount(connection, "Com_stmt_prepare") - prepared};
        });
        // Sent as text (the driver's default), the three would count as queries, not as executions.
        assertThat(added[0]).as("executions on the server").isEqualTo(3);
        assertThat(added[1]).as("prepares: the connection keeps the statement").isLessThanOrEqualTo(1);
    }

    private static PreparedStatement bind(PreparedStatement statement, int value) throws SQLException {
        statement.setInt(1, value);
        return statement;
    }

    private static long sessionCount(Connection connection, String counter) throws SQLException {
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW SESSION STATUS LIKE '" + counter + "'")) {
            rows.next();
            return rows.getLong(2);
        }
    }
}
