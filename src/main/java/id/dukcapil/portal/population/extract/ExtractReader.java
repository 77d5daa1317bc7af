package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.shared.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an extract's data rows one by one, in file order, without holding the file in memory: CSV (comma or
 * semicolon, UTF-8) or the first sheet of an XLSX workbook read with POI's SAX reader.
 */
public sealed interface ExtractReader permits CsvExtractReader, XlsxExtractReader {

    /** What a reader hands on: each row, and how far into the file it is (0 to 1, by bytes read). */
    @FunctionalInterface
    interface RowSink {
        void row(ExtractRow row, double fraction);
    }

    /**
     * @throws ExtractRefused when the file is not an extract (no header, a required column missing, unreadable)
     */
    void read(Path file, RowSink sink) throws IOException;

    /** The reader for a file name's extension: {@code .csv} or {@code .xlsx}. */
    static ExtractReader forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return new CsvExtractReader();
        }
        if (lower.endsWith(".xlsx")) {
            return new XlsxExtractReader();
        }
        throw new ExtractRefused(Finding.of("extract.file.format", fileName));
    }
}
