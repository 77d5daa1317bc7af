package id.dukcapil.portal.population.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects rows and writes them as multi-row {@code INSERT ... VALUES (...), (...)} statements: one round trip
 * and one statement parse for hundreds of rows. Not thread-safe; one per table and load.
 */
final class MultiRowInsert implements AutoCloseable {

    private final Connection connection;
    private final String head;
    private final int columns;
    private final int rowsPerStatement;
    private final List<Object[]> rows = new ArrayList<>();
    private PreparedStatement full;
    private long written;

    MultiRowInsert(Connection connection, String table, List<String> columnNames, int rowsPerStatement)
            throws SQLException {
        this.connection = connection;
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ";
        this.columns = columnNames.size();
        this.rowsPerStatement = rowsPerStatement;
        this.full = connection.prepareStatement(sql(rowsPerStatement));
    }

    /** Adds a row; returns true when the collected rows fill a statement and should be flushed. */
    boolean add(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("Expected " + columns + " values, got " + values.length);
        }
        rows.add(values);
        return rows.size() >= rowsPerStatement;
    }

    int pending() {
        return rows.size();
    }

    void flush() throws SQLException {
        int from = 0;
        while (rows.size() - from >= rowsPerStatement) {
            execute(full, from, rowsPerStatement);
            from += rowsPerStatement;
        }
        if (from < rows.size()) {
            try (PreparedStatement rest = connection.prepareStatement(sql(rows.size() - from))) {
                execute(rest, from, rows.size() - from);
            }
        }
        rows.clear();
    }

    long written() {
        return written;
    }

    private void execute(PreparedStatement statement, int from, int count) throws SQLException {
        int parameter = 1;
        for (int row = from; row < from + count; row++) {
            for (Object value : rows.get(row)) {
                statement.setObject(parameter++, value);
            }
        }
        statement.executeUpdate();
        written += count;
    }

    private String sql(int rowCount) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return head + String.join(", ", Collections.nCopies(rowCount, row));
    }

    @Override
    public void close() throws SQLException {
        full.close();
    }
}
