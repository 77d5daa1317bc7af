package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.reports.DailySummarySource;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.schoolvisit.internal.VisitReads;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReport.Table;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.sla.DaySteps;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP D's daily summary of a service point for the managers' reports: the day's school visits with their teams and
 * blank cards, the students seen, corrected and printed, and the day's steps against their standards.
 */
@Component
class SchoolVisitDayReports implements DailySummarySource {

    private final VisitReads plans;
    private final StudentRepository students;
    private final DaySteps daySteps;
    private final ServicePoints servicePoints;
    private final TableReportFiles files;
    private final MessageSource messages;
    private final Clock clock;

    SchoolVisitDayReports(VisitReads plans, StudentRepository students, DaySteps daySteps, ServicePoints servicePoints,
                          TableReportFiles files, MessageSource messages, Clock clock) {
        this.plans = plans;
        this.students = students;
        this.daySteps = daySteps;
        this.servicePoints = servicePoints;
        this.files = files;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Procedure procedure() {
        return Procedure.D_SCHOOL_VISIT;
    }

    /** The manager's daily summary (reports guards who reads it). */
    @Override
    @Transactional(readOnly = true)
    public byte[] pdf(String servicePoint, LocalDate day, Locale locale) {
        return files.pdf(make(servicePoint, day, locale), locale);
    }

    TableReport make(String point, LocalDate day, Locale locale) {
        ServicePoint servicePoint = servicePoints.byCode(point)
                .orElseThrow(() -> new RuleViolation("reports.daily.unknown-point", point));
        List<SchoolVisit> visits = plans.between(day, day).stream()
                .filter(visit -> visit.servicePoint().equals(point)).toList();
        long[] seen = students.day(point, day.atStartOfDay(clock.getZone()).toInstant(),
                day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        Table figures = new Table(text("schoolvisit.report.figures", locale),
                List.of(text("schoolvisit.report.figure", locale), text("schoolvisit.report.count", locale)), List.of(
                List.<Object>of(text("schoolvisit.report.visits", locale), (long) visits.size()),
                List.<Object>of(text("schoolvisit.report.recorded-here", locale), seen[0]),
                List.<Object>of(text("schoolvisit.report.recorded-before", locale), seen[1]),
                List.<Object>of(text("schoolvisit.report.corrected", locale), seen[2]),
                List.<Object>of(text("schoolvisit.report.printed", locale), seen[3])));
        Table visitTable = new Table(text("schoolvisit.report.visits", locale),
                List.of(text("schoolvisit.column.school", locale), text("schoolvisit.column.state", locale),
                        text("schoolvisit.column.kit", locale), text("schoolvisit.column.team", locale),
                        text("schoolvisit.column.cards-taken", locale), text("schoolvisit.column.cards-printed", locale)),
                visits.stream().<List<Object>>map(visit -> List.of(visit.schoolName(),
                        text(visit.state().labelKey(), locale), visit.kitName(), (long) visit.team().size(),
                        (long) visit.cardsTaken(), (long) visit.cardsPrinted())).toList());
        String subtitle = servicePoint.name() + " · "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(day);
        return new TableReport("sekolah-" + point + "-" + day, text("schoolvisit.report.day-title", locale), subtitle,
                text("schoolvisit.report.footer", locale),
                List.of(figures, visitTable, daySteps.table(Procedure.D_SCHOOL_VISIT, point, day, locale)));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
