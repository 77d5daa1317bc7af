package id.dukcapil.portal.shared.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, read with POI's SAX reader: the sheet's XML streams from the zip file and
 * only the current row is in memory (the shared strings are, as in every SAX reading of XLSX). POI's zip-bomb
 * guard stays on. A row holds at most {@code maxColumns} cells of at most {@code maxCellLength} + 1 characters, so
 * no hostile row grows the heap; with a row limit, the first row past it that holds a value stops the reading
 * ({@link SheetRefused.Reason#TOO_MANY_ROWS}) without reading the rest of the sheet. A date cell reads as
 * {@code yyyy-MM-dd}, a whole number as its digits (a NIK typed as a number would otherwise read as
 * {@code 3.20437E+15}). The population import reads its extracts with it, and SOP D its school lists and rosters
 * (decision 128).
 */
public final class XlsxSheetReader {

    /** What the reader hands on: each row of the sheet that has cells, in sheet order. */
    @FunctionalInterface
    public interface RowHandler {
        /**
         * @param rowNumber the row's number as Excel shows it: the first row is 1
         * @param cells     the row's cells by column, empty where a cell is empty; the list is the reader's and is
         *                  reused for the next row: copy what is kept
         * @param fraction  how far into the sheet the reader is, 0 to 1, by the bytes of its XML read
         */
        void row(long rowNumber, List<String> cells, double fraction);
    }

    private final int maxColumns;
    private final int maxCellLength;
    private final long lastRow;

    private XlsxSheetReader(int maxColumns, int maxCellLength, long lastRow) {
        this.maxColumns = maxColumns;
        this.maxCellLength = maxCellLength;
        this.lastRow = lastRow;
    }

    /** A reader of the first {@code maxColumns} columns, each cell kept to {@code maxCellLength} + 1 characters. */
    public static XlsxSheetReader of(int maxColumns, int maxCellLength) {
        return new XlsxSheetReader(maxColumns, maxCellLength, Long.MAX_VALUE);
    }

    /** The same reader, refusing a sheet with a value in a row numbered past {@code lastRow} as soon as it meets it. */
    public XlsxSheetReader upToRow(long lastRow) {
        return new XlsxSheetReader(maxColumns, maxCellLength, lastRow);
    }

    /**
     * Reads a workbook the caller received as a stream (an upload, already bounded in size): it is copied to a
     * temporary file first, since a workbook opened from a stream is unzipped whole into memory.
     *
     * @throws SheetRefused when it is no workbook, has no sheet, or holds more rows than the limit
     */
    public void read(InputStream workbook, RowHandler handler) throws IOException {
        Path file = Files.createTempFile("sheet-", ".xlsx");
        try {
            Files.copy(workbook, file, StandardCopyOption.REPLACE_EXISTING);
            read(file, handler);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** @throws SheetRefused when it is no workbook, has no sheet, or holds more rows than the limit */
    public void read(Path file, RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader workbook = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) workbook.getSheetsData();
            if (!sheets.hasNext()) {
                throw new SheetRefused(SheetRefused.Reason.NO_SHEET, lastRow);
            }
            try (InputStream sheet = sheets.next()) {
                long size = Math.max(1, sheets.getSheetPart().getSize());
                CountingInput counting = new CountingInput(sheet);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(workbook.getStylesTable(), strings,
                        new Rows(handler, counting, size), new PlainValues(), false));
                parser.parse(new InputSource(counting));
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new SheetRefused(SheetRefused.Reason.UNREADABLE, lastRow);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SheetRefused(SheetRefused.Reason.UNREADABLE, lastRow);
        } catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new SheetRefused(SheetRefused.Reason.UNREADABLE, lastRow);
        }
    }

    /** Cells of one row at a time, by column index, handed on at the row's end. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final CountingInput counting;
        private final long size;
        private final List<String> cells = new ArrayList<>();
        private final List<String> view = Collections.unmodifiableList(cells);

        Rows(RowHandler handler, CountingInput counting, long size) {
            this.handler = handler;
            this.counting = counting;
            this.size = size;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(@Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= maxColumns) {
                return;
            }
            while (cells.size() < column) {
                cells.add("");
            }
            String text = value == null ? "" : value;
            cells.add(text.length() > maxCellLength ? text.substring(0, maxCellLength + 1) : text);
        }

        @Override
        public void endRow(int rowNum) {
            long rowNumber = rowNum + 1L;
            if (rowNumber > lastRow && !cells.stream().allMatch(String::isBlank)) {
                throw new SheetRefused(SheetRefused.Reason.TOO_MANY_ROWS, lastRow);
            }
            handler.row(rowNumber, view, Math.min(1.0, (double) counting.count() / size));
        }
    }

    /** Dates as ISO dates and whole numbers as digits, whatever the cell's display format. */
    private static final class PlainValues extends DataFormatter {
        private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

        @Override
        public String formatRawCellContents(double value, int formatIndex, @Nullable String formatString,
                                            boolean use1904Windowing) {
            if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return ISO.format(DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate());
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e17) {
                return new BigDecimal(value).toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
