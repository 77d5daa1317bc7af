package id.dukcapil.portal.audit;

import id.dukcapil.portal.shared.Roles;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Writes a search of the log to an Excel workbook, streaming: rows go to disk as they are read, so an
 * export of a year uses as little memory as one of a day. Each export is itself audited.
 */
@Service
public class AuditExcelExport {

    /** Excel's own limit, less the header row. */
    static final int MAX_ROWS = 1_048_575;
    private static final int ROWS_IN_MEMORY = 200;

    private final AuditSearch search;
    private final PersonalDataAccessSearch accesses;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Clock clock;

    AuditExcelExport(AuditSearch search, PersonalDataAccessSearch accesses, AuditLog auditLog, MessageSource messages,
                     Clock clock) {
        this.search = search;
        this.accesses = accesses;
        this.auditLog = auditLog;
        this.messages = messages;
        this.clock = clock;
    }

    private record Column<T>(String key, Function<T, @Nullable Object> value) {
    }

    private static final List<Column<AuditEntry>> COLUMNS = List.of(
            new Column<>("audit.column.seq", AuditEntry::seq),
            new Column<>("audit.column.time", AuditEntry::occurredAt),
            new Column<>("audit.column.actor", AuditEntry::actorId),
            new Column<>("audit.column.actor-name", AuditEntry::actorName),
            new Column<>("audit.column.roles", AuditEntry::actorRoles),
            new Column<>("audit.column.service-point", AuditEntry::servicePoint),
            new Column<>("audit.column.action", AuditEntry::action),
            new Column<>("audit.column.subject-type", AuditEntry::subjectType),
            new Column<>("audit.column.subject", AuditEntry::subjectId),
            new Column<>("audit.column.outcome", AuditEntry::outcome),
            new Column<>("audit.column.detail", AuditEntry::detail));

    private static final List<Column<PersonalDataAccess>> ACCESS_COLUMNS = List.of(
            new Column<>("audit.column.time", PersonalDataAccess::at),
            new Column<>("audit.views.column.kind", PersonalDataAccess::kind),
            new Column<>("audit.column.actor", PersonalDataAccess::staffId),
            new Column<>("audit.column.actor-name", PersonalDataAccess::staffName),
            new Column<>("audit.column.service-point", PersonalDataAccess::servicePoint),
            new Column<>("audit.views.column.screen", PersonalDataAccess::screen),
            new Column<>("audit.column.subject-type", access -> access.subject().kind()),
            new Column<>("audit.column.subject", access -> access.subject().number()),
            new Column<>("audit.views.column.address", PersonalDataAccess::clientAddress));

    /** @return the number of entries written */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.MANAGER + "')")
    public long export(AuditFilter filter, Locale locale, OutputStream out) throws IOException {
        long written = write("audit.export.sheet", COLUMNS, consumer -> search.forEach(filter, consumer), locale, out);
        auditLog.record(new AuditRecord("audit.exported", null, null, Outcome.SUCCESS,
                written + " entries; " + describe(filter)));
        return written;
    }

    /**
     * Who saw a NIK or a KK number, oldest first: the ADMIN's answer to a citizen or an inspector, kept as a file. The
     * export is itself in the log.
     *
     * @return the number of views and downloads written
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public long exportWhoSaw(String number, Locale locale, OutputStream out) throws IOException {
        long written = write("audit.views.export.sheet", ACCESS_COLUMNS, consumer -> accesses.forEach(number, consumer),
                locale, out);
        auditLog.record(new AuditRecord("audit.views.exported", "PersonalData", number.replaceAll("\\s+", ""),
                Outcome.SUCCESS, written + " entries"));
        return written;
    }

    private <T> long write(String sheetKey, List<Column<T>> columns, Consumer<Consumer<T>> rows, Locale locale,
                           OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            Sheet sheet = workbook.createSheet(messages.getMessage(sheetKey, null, locale));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));

            Row headerRow = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                var cell = headerRow.createCell(i);
                cell.setCellValue(messages.getMessage(columns.get(i).key(), null, locale));
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            long[] written = {0};
            rows.accept(entry -> {
                if (written[0] >= MAX_ROWS) {
                    return;
                }
                Row row = sheet.createRow((int) ++written[0]);
                for (int i = 0; i < columns.size(); i++) {
                    Object value = columns.get(i).value().apply(entry);
                    var cell = row.createCell(i);
                    switch (value) {
                        case null -> { }
                        case Long number -> cell.setCellValue(number);
                        case java.time.Instant instant -> {
                            cell.setCellValue(LocalDateTime.ofInstant(instant, clock.getZone()));
                            cell.setCellStyle(time);
                        }
                        default -> cell.setCellValue(value.toString());
                    }
                }
            });
            workbook.write(out);
            return written[0];
        }
    }

    private static String describe(AuditFilter filter) {
        return "from=" + filter.from() + " to=" + filter.to() + " actor=" + filter.actor() + " action="
                + filter.action() + " subject=" + filter.subjectType() + "/" + filter.subject();
    }
}
