package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.spreadsheet.SheetRefused;
import id.dukcapil.portal.shared.spreadsheet.XlsxSheetReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The first sheet of an XLSX workbook as an extract, streamed by the shared {@link XlsxSheetReader} (only the
 * current row in memory): its first row with a value is the header, each later one a data row.
 */
final class XlsxExtractReader implements ExtractReader {

    private static final XlsxSheetReader SHEET = XlsxSheetReader.of(CsvExtractReader.MAX_FIELDS,
            ExtractColumn.FIELD_MAX_LENGTH);

    @Override
    public void read(Path file, RowSink sink) throws IOException {
        Rows rows = new Rows(sink);
        try {
            SHEET.read(file, rows);
        } catch (SheetRefused refused) {
            throw new ExtractRefused(Finding.of(refused.reason() == SheetRefused.Reason.NO_SHEET
                    ? "extract.file.empty" : "extract.file.unreadable"));
        }
        if (!rows.headerSeen()) {
            throw new ExtractRefused(Finding.of("extract.file.empty"));
        }
    }

    /** The header, then each data row that is not blank. */
    private static final class Rows implements XlsxSheetReader.RowHandler {
        private final RowSink sink;
        private @Nullable ExtractHeader header;

        Rows(RowSink sink) {
            this.sink = sink;
        }

        boolean headerSeen() {
            return header != null;
        }

        @Override
        public void row(long rowNumber, List<String> cells, double fraction) {
            if (header == null) {
                if (!cells.stream().allMatch(String::isBlank)) {
                    header = ExtractHeader.of(cells);
                }
                return;
            }
            ExtractRow row = header.row(rowNumber, cells);
            if (!row.isBlank()) {
                sink.row(row, fraction);
            }
        }
    }
}
