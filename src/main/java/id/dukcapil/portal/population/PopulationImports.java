package id.dukcapil.portal.population;

import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.population.internal.ImportRunner;
import id.dukcapil.portal.population.internal.ImportStore;
import id.dukcapil.portal.shared.Roles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The ADMIN's imports of SIAK extracts: start one from an uploaded file, follow it, stop it, go on with a failed
 * one, download the refused rows with their reasons, and the template and example of the extract's format
 * (docs/population-extract.md). The command-line import runs the same {@link ImportRunner}.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class PopulationImports {

    /**
     * The largest extract uploaded through the browser: a district or a small regency (about 1.5 million rows of
     * CSV). A whole regency's first load goes through the command line (docs/population-extract.md).
     */
    public static final long MAX_UPLOAD_BYTES = 512L * 1024 * 1024;
    public static final String EXAMPLE_RESOURCE = "population/contoh-ekstrak-siak.csv";

    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("\\d{16}");

    private final PersonalDataViews personalDataViews;
    private final ImportRunner runner;
    private final ImportStore store;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final Path directory;

    PopulationImports(ImportRunner runner, ImportStore store, CurrentActor currentActor, MessageSource messages,
                      PersonalDataViews personalDataViews,
                      @Value("${portal.population.import.dir:data/population-imports}") Path directory) {
        this.personalDataViews = personalDataViews;
        this.runner = runner;
        this.store = store;
        this.currentActor = currentActor;
        this.messages = messages;
        this.directory = directory;
    }

    /** Where uploads wait until an import takes them. */
    public Path uploadDirectory() {
        return directory;
    }

    /**
     * Starts importing an uploaded file, which the import then owns (it is deleted when the import ends, kept while
     * a failed import may go on).
     *
     * @throws id.dukcapil.portal.shared.RuleViolation while another import runs, for an unknown region, or a file
     *                                                 that is neither CSV nor XLSX; the file is deleted then
     */
    public long start(Path uploaded, String fileName, String scope) {
        try {
            Files.createDirectories(directory);
            Path stored = Files.move(uploaded, directory.resolve(UUID.randomUUID() + "-" + safe(fileName)),
                    StandardCopyOption.REPLACE_EXISTING);
            try {
                long id = runner.register(stored, fileName, scope, currentActor.get());
                runner.runInBackground(id, currentActor.get());
                return id;
            } catch (RuntimeException e) {
                Files.deleteIfExists(stored);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ImportProgress> progress(long id) {
        return store.progress(id);
    }

    /** The latest imports, newest first. */
    public List<ImportProgress> recent() {
        return store.recentImports(10);
    }

    /**
     * Asks a running import to stop after the chunk in hand, or ends one waiting for confirmation without marking
     * anyone gone; false when it had already ended.
     */
    public boolean cancel(long id) {
        if (runner.cancelAwaiting(id, currentActor.get())) {
            return true;
        }
        boolean asked = runner.cancel(id);
        if (asked) {
            runner.audit(currentActor.get(), id, "population.import.cancel-requested");
        }
        return asked;
    }

    /**
     * The second confirmation of an import that stopped before marking its region's residents gone (an extract
     * without a row, or one leaving out more than the set share of the region, decision 128): {@code residents} is
     * the number the ADMIN was shown, and at most that many are marked gone.
     *
     * @throws id.dukcapil.portal.shared.RuleViolation when the import no longer waits, or waits for another number
     */
    public void confirmGone(long id, long residents) {
        runner.confirmGone(id, residents, currentActor.get());
        runner.runInBackground(id, currentActor.get());
    }

    /** Goes on with a failed import from the last families it wrote. */
    public void resume(long id) {
        runner.reopen(id, currentActor.get());
        runner.runInBackground(id, currentActor.get());
    }

    /**
     * Every refused row with its reason in the reader's language, as a workbook streamed row by row. The residents and
     * families it names are recorded as downloaded (decision 129) before the workbook is written out.
     */
    public void refusedRows(long id, Locale locale, OutputStream out) {
        List<PersonalData> named = new ArrayList<>();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(messages.getMessage("population.import.refused.sheet", null, locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            String[] headers = {"population.import.refused.line", "population.import.refused.nik",
                    "population.import.refused.kk", "population.import.refused.name", "population.import.refused.reason"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage(headers[i], null, locale));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, i == 4 ? 90 * 256 : 20 * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            store.refusedRows(id, refused -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(refused.line());
                row.createCell(1).setCellValue(refused.nik());
                row.createCell(2).setCellValue(refused.kkNumber());
                row.createCell(3).setCellValue(refused.fullName());
                row.createCell(4).setCellValue(messages.getMessage(refused.reason().messageKey(),
                        refused.reason().argsArray(), locale));
                // A refused row's number may be malformed: only sixteen digits name anyone.
                if (refused.nik() != null && SIXTEEN_DIGITS.matcher(refused.nik()).matches()) {
                    named.add(PersonalData.nik(refused.nik()));
                }
                if (refused.kkNumber() != null && SIXTEEN_DIGITS.matcher(refused.kkNumber()).matches()) {
                    named.add(PersonalData.kk(refused.kkNumber()));
                }
            });
            personalDataViews.downloaded("population-refused-rows-xlsx", named);
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extract's header row as CSV: what an office fills in or checks SIAK's export against. */
    public byte[] csvTemplate() {
        return (String.join(",", headers()) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The header row in a workbook whose columns are text, so that Excel keeps a NIK's sixteen digits. */
    public byte[] xlsxTemplate() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Ekstrak");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            List<String> headers = headers();
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, 20 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small extract of Kabupaten Bandung in the portal's CSV form, every column filled somewhere. */
    public byte[] example() {
        try (var in = PopulationImports.class.getClassLoader().getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The example extract is missing from the build: " + EXAMPLE_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> headers() {
        return java.util.Arrays.stream(ExtractColumn.values()).map(ExtractColumn::header).toList();
    }

    /** A file name as a path element: letters, digits, dot, dash and underscore, at most 100 characters. */
    private static String safe(String fileName) {
        String plain = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return plain.length() > 100 ? plain.substring(plain.length() - 100) : plain;
    }
}
