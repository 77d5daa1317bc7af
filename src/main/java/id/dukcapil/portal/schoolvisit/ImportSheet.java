package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.spreadsheet.SheetRefused;
import id.dukcapil.portal.shared.spreadsheet.XlsxSheetReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a school list or a roster (the first sheet; the heading is row 1), streamed by the shared
 * {@link XlsxSheetReader} and refused as soon as a row past the limit holds a value: a sheet of a million rows is
 * never read whole (issue 41 item 7, decision 128). The rows within the limit are few and small, so they are kept
 * and checked only after the whole file was found within it: a refused file changes nothing.
 */
final class ImportSheet {

    /** A cell longer than any field the imports take is kept only to one character more, to be refused as too long. */
    static final int MAX_CELL_LENGTH = 500;

    private ImportSheet() {
    }

    /** One data row with a value: its number as the spreadsheet shows it and its first columns' cells, trimmed. */
    record Line(int row, List<String> cells) {

        /** The cell of a column, empty where the row has none. */
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        boolean blank(int columns) {
            for (int i = 0; i < columns; i++) {
                if (!cell(i).isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @throws RuleViolation {@code schoolvisit.roster.unreadable} for a file that is no workbook,
     *                       {@code schoolvisit.roster.no-sheet} for one without a sheet, and
     *                       {@code schoolvisit.roster.too-many-rows} for one with more than {@code maxRows} data rows
     */
    static List<Line> read(InputStream file, int columns, int maxRows) {
        List<Line> lines = new ArrayList<>();
        XlsxSheetReader reader = XlsxSheetReader.of(columns, MAX_CELL_LENGTH).upToRow(maxRows + 1L);
        try {
            reader.read(file, (rowNumber, cells, fraction) -> {
                if (rowNumber > 1) {
                    Line line = new Line((int) rowNumber, cells.stream().map(String::strip).toList());
                    if (!line.blank(columns)) {
                        lines.add(line);
                    }
                }
            });
        } catch (SheetRefused refused) {
            throw switch (refused.reason()) {
                case NO_SHEET -> new RuleViolation("schoolvisit.roster.no-sheet");
                case TOO_MANY_ROWS -> new RuleViolation("schoolvisit.roster.too-many-rows", maxRows);
                case UNREADABLE -> new RuleViolation("schoolvisit.roster.unreadable");
            };
        } catch (IOException | RuntimeException notASpreadsheet) {
            throw new RuleViolation("schoolvisit.roster.unreadable");
        }
        return lines;
    }
}
