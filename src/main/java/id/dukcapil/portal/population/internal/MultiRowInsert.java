package id.dukcapil.portal.population.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code INSERT INTO t (…) VALUES (…), (…), …} for many rows in one statement (the server parses one statement
 * for a few hundred rows).
 */
final class MultiRowInsert {

    /** Rows per statement: well under the server's placeholder limit (65,535) for the widest table. */
    static final int ROWS_PER_STATEMENT = 500;

    private MultiRowInsert() {
    }

    static void into(JdbcClient jdbc, String table, List<String> columns, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            jdbc.sql(sql(table, columns, part.size())).params(flat(part)).update();
        }
    }

    /** {@code ?, ?, ?} for an {@code IN} list. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String sql(String table, List<String> columns, int rows) {
        String row = "(" + placeholders(columns.size()) + ")";
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, row));
    }

    private static List<Object> flat(List<Object[]> rows) {
        List<Object> values = new ArrayList<>(rows.size() * rows.getFirst().length);
        rows.forEach(row -> values.addAll(Arrays.asList(row)));
        return values;
    }
}
