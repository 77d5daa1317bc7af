package id.dukcapil.portal.booking;

import id.dukcapil.portal.reports.DailySummarySource;
import id.dukcapil.portal.sla.Procedure;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** SOP A's daily output for the reports: the print counter's daily summary. */
@Component
class CounterDailySummarySource implements DailySummarySource {

    private final DailySummaryService summaries;

    CounterDailySummarySource(DailySummaryService summaries) {
        this.summaries = summaries;
    }

    @Override
    public Procedure procedure() {
        return Procedure.A_BOOKING;
    }

    @Override
    public byte[] pdf(String servicePoint, LocalDate day, Locale locale) {
        return summaries.pdf(servicePoint, day, locale);
    }
}
