package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.shared.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * guard stays on. A date cell reads as {@code yyyy-MM-dd}, a whole number as its digits (a NIK typed as a number
 * would otherwise read as {@code 3.20437E+15}).
 */
final class XlsxExtractReader implements ExtractReader {

    @Override
    public void read(Path file, RowSink sink) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader workbook = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) workbook.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ExtractRefused(Finding.of("extract.file.empty"));
            }
            try (InputStream sheet = sheets.next()) {
                long size = Math.max(1, sheets.getSheetPart().getSize());
                CountingInput counting = new CountingInput(sheet);
                Rows rows = new Rows(sink, counting, size);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(workbook.getStylesTable(), strings, rows,
                        new PlainValues(), false));
                parser.parse(new InputSource(counting));
                if (!rows.headerSeen()) {
                    throw new ExtractRefused(Finding.of("extract.file.empty"));
                }
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new ExtractRefused(Finding.of("extract.file.unreadable"));
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ExtractRefused(Finding.of("extract.file.unreadable"));
        } catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new ExtractRefused(Finding.of("extract.file.unreadable"));
        }
    }

    /** Cells of one row at a time, by column index, handed on at the row's end. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private final CountingInput counting;
        private final long size;
        private final List<String> cells = new ArrayList<>();
        private @Nullable ExtractHeader header;

        Rows(RowSink sink, CountingInput counting, long size) {
            this.sink = sink;
            this.counting = counting;
            this.size = size;
        }

        boolean headerSeen() {
            return header != null;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(@Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= CsvExtractReader.MAX_FIELDS) {
                return;
            }
            while (cells.size() < column) {
                cells.add("");
            }
            String text = value == null ? "" : value;
            cells.add(text.length() > ExtractColumn.FIELD_MAX_LENGTH
                    ? text.substring(0, ExtractColumn.FIELD_MAX_LENGTH + 1) : text);
        }

        @Override
        public void endRow(int rowNum) {
            if (header == null) {
                if (!cells.stream().allMatch(String::isBlank)) {
                    header = ExtractHeader.of(cells);
                }
                return;
            }
            ExtractRow row = header.row(rowNum + 1L, cells);
            if (!row.isBlank()) {
                sink.row(row, Math.min(1.0, (double) counting.count() / size));
            }
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
