package id.dukcapil.portal.reports;

import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.StepLog;
import id.dukcapil.portal.staff.ServicePoints;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance workbook of a period: a summary sheet with native Excel charts over its own cells, one sheet per
 * procedure ({@link PerformanceSheets}), and every raw step streamed ({@link RawStepSheets}), so that a year fits in
 * little memory. This class decides what goes in and in which order, within one read-only transaction, and tells the
 * caller how far it got; how a cell looks is {@link WorkbookCells}'.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '" + Roles.HEAD + "')")
public class ReportWorkbook {

    /** Excel's own limit of rows per sheet, less the header: more raw steps go on to the next sheet. */
    static final int ROWS_PER_SHEET = RawStepSheets.ROWS_PER_SHEET;
    private static final int ROWS_IN_MEMORY = 500;
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PerformanceReports reports;
    private final StepLog stepLog;
    private final MessageSource messages;
    private final ServicePoints servicePoints;
    private final Clock clock;

    ReportWorkbook(PerformanceReports reports, StepLog stepLog, MessageSource messages, ServicePoints servicePoints,
                   Clock clock) {
        this.reports = reports;
        this.stepLog = stepLog;
        this.messages = messages;
        this.servicePoints = servicePoints;
        this.clock = clock;
    }

    public String fileName(ReportFilter filter) {
        return "laporan-kinerja-" + filter.from() + "_" + filter.to() + ".xlsx";
    }

    /**
     * Writes the workbook; {@code progress} hears the share done (0..1) as the raw steps stream.
     *
     * @return the raw steps written
     */
    @Transactional(readOnly = true)
    public long write(ReportFilter filter, Locale locale, OutputStream out, DoubleConsumer progress) {
        return write(filter, locale, out, progress, true);
    }

    /** As above; without the raw steps' sheets if {@code rawSteps} is false (returns the steps counted). */
    @Transactional(readOnly = true)
    public long write(ReportFilter filter, Locale locale, OutputStream out, DoubleConsumer progress, boolean rawSteps) {
        Dashboard dashboard = reports.dashboard(filter);
        Map<String, String> names = new HashMap<>(); // the points' names by code, for the reader
        servicePoints.active().forEach(point -> names.put(point.code(), point.name()));
        XSSFWorkbook template = new XSSFWorkbook();
        PerformanceSheets sheets = new PerformanceSheets(template, new WorkbookCells(template, messages, locale));
        sheets.summary(dashboard);
        for (Procedure procedure : PerformanceReports.procedures(filter.procedure())) {
            List<ReportFigure> steps = dashboard.perStep().stream().filter(f -> f.procedure() == procedure).toList();
            if (!steps.isEmpty() || filter.procedure() == procedure) {
                sheets.procedureSheet(procedure, reports.dashboard(filter.withProcedure(procedure)), names);
            }
        }
        progress.accept(0.05);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(template, ROWS_IN_MEMORY)) {
            workbook.setCompressTempFiles(true);
            long total = Math.max(1, dashboard.total().count());
            long written = dashboard.total().count();
            if (rawSteps) {
                // Names read before the steps stream: no query of its own while the steps' cursor is open.
                RawStepSheets raw = new RawStepSheets(workbook, new WorkbookCells(workbook, messages, locale), names,
                        clock.getZone());
                written = stepLog.forEach(filter.steps(), step -> {
                    raw.write(step);
                    if (raw.rows() % 10_000 == 0) {
                        progress.accept(0.05 + 0.85 * Math.min(1, (double) raw.rows() / total));
                    }
                });
                raw.finish();
            }
            workbook.write(out);
            workbook.dispose();
            progress.accept(1);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String minutes(Duration duration) {
        return DateTimeFormatter.ISO_LOCAL_TIME.format(java.time.LocalTime.MIDNIGHT.plus(duration));
    }
}
