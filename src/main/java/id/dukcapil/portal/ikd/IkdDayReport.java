package id.dukcapil.portal.ikd;

import id.dukcapil.portal.sla.DaySteps;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The daily IKD report of a service point (SOP E step 6): its figures, per officer, failures by reason and each
 * step's times, as tables that the PDF and the Excel workbook both print. A cell is a String, a Long or a Duration.
 */
public record IkdDayReport(String servicePoint, String pointName, LocalDate day, List<Table> tables) {

    public record Table(String title, List<String> headers, List<List<Object>> rows) {

        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public IkdDayReport {
        tables = List.copyOf(tables);
    }

    /**
     * Every cell as text, table by table: a report submitted and the same report made again at signing have the same
     * figures exactly when nothing has happened at the point since (decision 085).
     */
    public String figures() {
        return tables.stream().map(table -> table.title() + "\n" + table.rows().stream()
                .map(row -> row.stream().map(IkdDayReport::text).collect(Collectors.joining("\t")))
                .collect(Collectors.joining("\n"))).collect(Collectors.joining("\n\n"));
    }

    /** A cell as the PDF prints it: a duration as {@code m:ss}. */
    public static String text(Object cell) {
        return cell instanceof Duration duration ? DaySteps.minutes(duration) : String.valueOf(cell);
    }
}
