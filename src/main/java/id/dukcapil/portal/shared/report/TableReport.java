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
     * @param people   the whole NIK of each person the rows name, never printed (the cells show it masked, if at all):
     *                 whose personal data a download of the report holds, for the log of who saw whom (decision 129)
     */
    public record Table(String title, List<String> headers, List<List<Object>> rows, boolean register,
                        List<String> people) {

        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            people = List.copyOf(people);
        }

        public Table(String title, List<String> headers, List<List<Object>> rows, boolean register) {
            this(title, headers, rows, register, List.of());
        }

        public Table(String title, List<String> headers, List<List<Object>> rows) {
            this(title, headers, rows, false);
        }

        /** The same table, naming these people (their whole NIKs). */
        public Table naming(List<String> niks) {
            return new Table(title, headers, rows, register, niks);
        }
    }

    public TableReport {
        tables = List.copyOf(tables);
    }

    /** The whole NIK of everyone the report names, each once: whose personal data its files hold. */
    public List<String> people() {
        return tables.stream().flatMap(table -> table.people().stream()).distinct().toList();
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
