package id.dukcapil.portal.reports;

import java.util.List;

/**
 * A period's figures all at once: per step (the worst share within standard first), per service point, per
 * officer, and the trend per day and per week; {@code total} over all of them.
 */
public record Dashboard(ReportFilter filter, ReportFigure total, List<ReportFigure> perStep,
                        List<ReportFigure> perServicePoint, List<ReportFigure> perOfficer, List<ReportFigure> perDay,
                        List<ReportFigure> perWeek) {
}
