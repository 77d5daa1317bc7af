package id.dukcapil.portal.audit;

import id.dukcapil.portal.shared.Roles;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
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
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Clock clock;

    AuditExcelExport(AuditSearch search, AuditLog auditLog, MessageSource messages, Clock clock) {
        this.search = search;
        this.auditLog = auditLog;
        this.messages = messages;
        this.clock = clock;
    }

    private record Column(String key, Function<AuditEntry, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("audit.column.seq", AuditEntry::seq),
            new Column("audit.column.time", e -> e.occurredAt()),
            new Column("audit.column.actor", AuditEntry::actorId),
            new Column("audit.column.actor-name", AuditEntry::actorName),
            new Column("audit.column.roles", AuditEntry::actorRoles),
            new Column("audit.column.service-point", AuditEntry::servicePoint),
            new Column("audit.column.action", AuditEntry::action),
            new Column("audit.column.subject-type", AuditEntry::subjectType),
            new Column("audit.column.subject", AuditEntry::subjectId),
            new Column("audit.column.outcome", AuditEntry::outcome),
            new Column("audit.column.detail", AuditEntry::detail));

    /** @return the number of entries written */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.MANAGER + "')")
    public long export(AuditFilter filter, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            Sheet sheet = workbook.createSheet(messages.getMessage("audit.export.sheet", null, locale));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));

            Row headerRow = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                var cell = headerRow.createCell(i);
                cell.setCellValue(messages.getMessage(COLUMNS.get(i).key(), null, locale));
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            long[] written = {0};
            search.forEach(filter, entry -> {
                if (written[0] >= MAX_ROWS) {
                    return;
                }
                Row row = sheet.createRow((int) ++written[0]);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Object value = COLUMNS.get(i).value().apply(entry);
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
            auditLog.record(new AuditRecord("audit.exported", null, null, Outcome.SUCCESS,
                    written[0] + " entries; " + describe(filter)));
            return written[0];
        }
    }

    private static String describe(AuditFilter filter) {
        return "from=" + filter.from() + " to=" + filter.to() + " actor=" + filter.actor() + " action="
                + filter.action() + " subject=" + filter.subjectType() + "/" + filter.subject();
    }
}
