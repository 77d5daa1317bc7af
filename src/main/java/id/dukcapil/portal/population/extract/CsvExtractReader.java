package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.spreadsheet.CountingInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 writes it (quotes around a field with a separator, a quote or a line break; a quote doubled), in
 * UTF-8 with or without a byte-order mark, with the separator the header uses: a comma, or a semicolon as Excel
 * saves a CSV in an Indonesian locale. A field is kept only to {@link ExtractColumn#FIELD_MAX_LENGTH} + 1
 * characters and a record to {@link #MAX_FIELDS} fields, so no line of a hostile file grows the heap.
 */
final class CsvExtractReader implements ExtractReader {

    static final int MAX_FIELDS = 200;

    @Override
    public void read(Path file, RowSink sink) throws IOException {
        long size = Math.max(1, Files.size(file));
        try (CountingInput counting = new CountingInput(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8), 1 << 16)) {
            Records records = new Records(reader, separator(reader));
            List<String> header = records.next();
            if (header == null) {
                throw new ExtractRefused(Finding.of("extract.file.empty"));
            }
            ExtractHeader columns = ExtractHeader.of(header);
            for (List<String> cells = records.next(); cells != null; cells = records.next()) {
                ExtractRow row = columns.row(records.startLine, cells);
                if (!row.isBlank()) {
                    sink.row(row, Math.min(1.0, (double) counting.count() / size));
                }
            }
        }
    }

    /** The header line's separator: a semicolon when it has more of them than commas. */
    private static char separator(BufferedReader reader) throws IOException {
        reader.mark(1 << 15);
        int commas = 0;
        int semicolons = 0;
        for (int i = 0, c = reader.read(); c >= 0 && c != '\n' && i < (1 << 15) - 1; i++, c = reader.read()) {
            if (c == ',') {
                commas++;
            } else if (c == ';') {
                semicolons++;
            }
        }
        reader.reset();
        return semicolons > commas ? ';' : ',';
    }

    /** Records one after the other; a record may span lines inside quotes. */
    private static final class Records {
        private final BufferedReader reader;
        private final char separator;
        private long line = 1;
        long startLine = 1;

        Records(BufferedReader reader, char separator) {
            this.reader = reader;
            this.separator = separator;
        }

        @Nullable List<String> next() throws IOException {
            startLine = line;
            int c = reader.read();
            if (c < 0) {
                return null;
            }
            if (c == '\uFEFF') {
                c = reader.read();
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (c < 0) {
                    add(fields, field);
                    return fields;
                }
                if (quoted) {
                    if (c == '"') {
                        reader.mark(1);
                        int after = reader.read();
                        if (after == '"') {
                            append(field, '"');
                        } else {
                            quoted = false;
                            reader.reset();
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        append(field, (char) c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == separator) {
                    add(fields, field);
                    wasQuoted = false;
                } else if (c == '\n') {
                    line++;
                    add(fields, field);
                    return fields;
                } else if (c != '\r') {
                    append(field, (char) c);
                }
                c = reader.read();
            }
        }

        private static void append(StringBuilder field, char c) {
            if (field.length() <= ExtractColumn.FIELD_MAX_LENGTH) {
                field.append(c);
            }
        }

        private static void add(List<String> fields, StringBuilder field) {
            if (fields.size() < MAX_FIELDS) {
                fields.add(field.toString());
            }
            field.setLength(0);
        }
    }
}
