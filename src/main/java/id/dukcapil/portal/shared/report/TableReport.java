package id.dukcapil.portal.shared.report;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report as tables one under the other (a procedure's daily report, a day's register): labels, counts and
 * durations. {@link TableReportFiles} prints the same report as a PDF and as an Excel workbook, so the two never
 * disagree. A cell is a String, a Long or an Integer, or a Duration.
 *
 * @param fileName the downloaded files' name without extension, e.g. {@code laporan-ikd-DINAS-2026-11-23}
 */
public record TableReport(String fileName, String title, String subtitle, String footer, List<Table> tables) {

    /**
     * @param register a day's register: columns of words (a time, a name, a NIK, an outcome), laid out to keep each
     *                 whole, where a table of figures has one wide label and narrow figures
     */
    public record Table(String title, List<String> headers, List<List<Object>> rows, boolean register) {

        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }

        public Table(String title, List<String> headers, List<List<Object>> rows) {
            this(title, headers, rows, false);
        }
    }

    public TableReport {
        tables = List.copyOf(tables);
    }

    /**
     * Every cell as text, table by table: a report submitted and the same report made again later have the same
     * figures exactly when nothing they count has changed since (decision 085).
     */
    public String figures() {
        return tables.stream().map(table -> table.title() + "\n" + table.rows().stream()
                .map(row -> row.stream().map(TableReport::text).collect(Collectors.joining("\t")))
                .collect(Collectors.joining("\n"))).collect(Collectors.joining("\n\n"));
    }

    /** A cell as a document prints it: a duration as {@code m:ss}. */
    public static String text(Object cell) {
        return cell instanceof Duration duration ? minutes(duration) : String.valueOf(cell);
    }

    /** A duration as every daily document prints it: {@code m:ss}. */
    public static String minutes(Duration duration) {
        return "%d:%02d".formatted(duration.toMinutes(), duration.toSecondsPart());
    }
}
