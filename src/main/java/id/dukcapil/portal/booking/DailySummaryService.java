package id.dukcapil.portal.booking;

import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.blanko.MovementKind;
import id.dukcapil.portal.booking.internal.BookingRepository;
import id.dukcapil.portal.booking.internal.BookingSql;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.ReportDimension;
import id.dukcapil.portal.sla.SlaStandards;
import id.dukcapil.portal.sla.StepReportQuery;
import id.dukcapil.portal.sla.StepReports;
import id.dukcapil.portal.sla.StepStandard;
import id.dukcapil.portal.sla.StepStatistics;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The daily summary of a point's print counter, as figures and as a PDF (reports/booking/daily-summary.jrxml). */
@Service
@PreAuthorize("hasAnyRole('" + Roles.MANAGER + "','" + Roles.ADMIN + "','" + Roles.HEAD + "')")
public class DailySummaryService {

    static final String TEMPLATE = "booking/daily-summary";

    private final BookingRepository bookings;
    private final BlankoStock stock;
    private final StepReports stepReports;
    private final SlaStandards standards;
    private final ServicePoints servicePoints;
    private final PdfRenderer renderer;
    private final MessageSource messages;

    DailySummaryService(BookingRepository bookings, BlankoStock stock, StepReports stepReports, SlaStandards standards,
                        ServicePoints servicePoints, PdfRenderer renderer, MessageSource messages) {
        this.bookings = bookings;
        this.stock = stock;
        this.stepReports = stepReports;
        this.standards = standards;
        this.servicePoints = servicePoints;
        this.renderer = renderer;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public DailySummary summary(String point, LocalDate day) {
        ServicePoint servicePoint = servicePoints.byCode(point)
                .orElseThrow(() -> new RuleViolation("blanko.error.unknown-point", point));
        Map<BookingStatus, Integer> counts = new EnumMap<>(BookingStatus.class);
        int spoiled = 0;
        for (BookingSql.StatusCount count : bookings.counts(point, day)) {
            counts.put(count.status(), count.count());
            spoiled += count.spoiled();
        }
        int cancelled = counts.getOrDefault(BookingStatus.CANCELLED, 0);
        int held = counts.values().stream().mapToInt(Integer::intValue).sum() - cancelled;
        int arrivals = counts.getOrDefault(BookingStatus.ARRIVED, 0) + counts.getOrDefault(BookingStatus.PRINTED, 0)
                + counts.getOrDefault(BookingStatus.CANNOT_PRINT, 0);
        // The stock's day in three figures that add up: a stock shown going from 0 to 1,498 must show the 1,500 in.
        Map<MovementKind, Integer> moved = stock.movedOn(point, day);
        int corrected = moved.getOrDefault(MovementKind.CORRECTION, 0);
        int in = moved.entrySet().stream().filter(e -> e.getKey() != MovementKind.CORRECTION && e.getValue() > 0)
                .mapToInt(Map.Entry::getValue).sum();
        int out = -moved.entrySet().stream().filter(e -> e.getKey() != MovementKind.CORRECTION && e.getValue() < 0)
                .mapToInt(Map.Entry::getValue).sum();
        List<StepStatistics> steps = stepReports.report(StepReportQuery.between(day, day, ReportDimension.STEP)
                .withProcedure(Procedure.A_BOOKING).withServicePoint(point));
        return new DailySummary(point, servicePoint.name(), day, held, arrivals,
                counts.getOrDefault(BookingStatus.PRINTED, 0), spoiled, counts.getOrDefault(BookingStatus.NO_SHOW, 0),
                counts.getOrDefault(BookingStatus.CANNOT_PRINT, 0), cancelled, stock.balanceAtStartOf(point, day),
                stock.balanceAtStartOf(point, day.plusDays(1)), in, out, corrected, steps);
    }

    @Transactional(readOnly = true)
    public byte[] pdf(String point, LocalDate day, Locale locale) {
        DailySummary summary = summary(point, day);
        Map<Object, Duration> standardOf = new HashMap<>();
        for (StepStandard standard : standards.inForceOn(day)) {
            if (standard.procedure() == Procedure.A_BOOKING && standard.step() != null) {
                standardOf.put(standard.step(), standard.standard());
            }
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", text("booking.ticket.office", locale));
        parameters.put("TITLE", text("booking.summary.title", locale));
        parameters.put("SUBTITLE", summary.servicePointName() + " · "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(day));
        parameters.put("FIGURES", messages.getMessage("booking.summary.figures", new Object[] {summary.bookings(),
                summary.arrivals(), summary.printed(), summary.spoiled(), summary.noShows(), summary.cannotPrint(),
                summary.cancelled(), summary.openingStock(), summary.closingStock(), summary.stockIn(),
                summary.stockOut(), summary.stockCorrected()}, locale));
        for (String header : List.of("STEP", "COUNT", "MEDIAN", "P90", "STANDARD", "WITHIN")) {
            parameters.put("H_" + header, text("booking.summary.column." + header.toLowerCase(Locale.ROOT), locale));
        }
        parameters.put("FOOTER", text("booking.summary.footer", locale));
        List<Map<String, Object>> rows = summary.steps().stream().map(row -> {
            Map<String, Object> cells = new HashMap<>();
            cells.put("step", text(Objects.requireNonNull(row.step()).labelKey(), locale));
            cells.put("count", row.count());
            cells.put("median", TableReport.minutes(row.median()));
            cells.put("percentile90", TableReport.minutes(row.percentile90()));
            cells.put("standard", standardOf.containsKey(row.step()) ? TableReport.minutes(standardOf.get(row.step())) : "–");
            cells.put("withinStandard", Math.round(row.withinStandard() * 100) + " %");
            return cells;
        }).toList();
        return renderer.render(TEMPLATE, parameters, rows);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
