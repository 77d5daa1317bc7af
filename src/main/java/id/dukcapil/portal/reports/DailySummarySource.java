package id.dukcapil.portal.reports;

import id.dukcapil.portal.sla.Procedure;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A procedure's daily output as a PDF (a Jasper template through the one renderer, decision 033): the module that
 * owns the procedure contributes it as a bean, and the reports let a manager open any day of any point. SOP A's
 * counter summary and SOP B's KK print day are here; C, D and E add theirs as they land.
 */
public interface DailySummarySource {

    Procedure procedure();

    /** The summary of the point's day; a RuleViolation for an unknown point. */
    byte[] pdf(String servicePoint, LocalDate day, Locale locale);
}
