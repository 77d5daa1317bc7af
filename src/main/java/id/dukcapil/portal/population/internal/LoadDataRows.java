package id.dukcapil.portal.population.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rows in MariaDB's default {@code LOAD DATA} format (tab-separated, one row a line, {@code \N} for null, backslash
 * escapes), sent with {@code LOAD DATA LOCAL INFILE} from memory: the server reads them without parsing an SQL
 * statement per row. The driver sends only this stream, and only for the file name of the statement it sent
 * (Connector/J 3 refuses a server asking for another file); nothing is ever read from the disk (decision 106).
 */
final class LoadDataRows {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    void row(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            field(values[i]);
        }
        text.append('\n');
        rows++;
    }

    int size() {
        return rows;
    }

    private void field(@Nullable Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String plain = value instanceof LocalDateTime time ? TIMESTAMP.format(time) : value.toString();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /**
     * Loads the rows into {@code table} on the statement's connection (and in its transaction). A local load turns
     * what would be an error (a duplicate key, a value cut to its column) into a warning and goes on: here any
     * warning, or a row not loaded, fails the load, so the caller's transaction rolls back instead of keeping a
     * family in part. The statement alone skips the foreign-key checks: every caller gives parent ids it has just
     * read or written in the same transaction.
     */
    int load(Statement statement, String table, List<String> columns) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        statement.unwrap(org.mariadb.jdbc.Statement.class)
                .setLocalInfileInputStream(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        statement.clearWarnings();
        statement.execute("SET STATEMENT foreign_key_checks = 0 FOR LOAD DATA LOCAL INFILE '" + table + ".tsv' INTO TABLE "
                + table + " CHARACTER SET utf8mb4 (" + String.join(", ", columns) + ")");
        long loaded = statement.getLargeUpdateCount();
        SQLWarning warning = statement.getWarnings();
        if (loaded != rows || warning != null) {
            throw new SQLException("LOAD DATA into %s loaded %d of %d rows%s".formatted(table, loaded, rows,
                    warning == null ? "" : ": " + warning.getMessage()));
        }
        return rows;
    }
}
