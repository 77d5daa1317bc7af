package id.dukcapil.portal.booking;

import id.dukcapil.portal.sla.StepStatistics;
import java.time.LocalDate;
import java.util.List;

/**
 * A service point's print-counter day: bookings held for the day, arrivals, cards printed and spoiled,
 * no-shows, the blank-card stock at opening and closing with what came in (deliveries, transfers, cards back from
 * the field), went out (printed, spoiled, to the field, transferred) and a stock-take's correction between them, so
 * that opening + in − out + correction = closing; and SOP A's steps against their standard.
 */
public record DailySummary(String servicePoint, String servicePointName, LocalDate day, int bookings, int arrivals,
                           int printed, int spoiled, int noShows, int cannotPrint, int cancelled, int openingStock,
                           int closingStock, int stockIn, int stockOut, int stockCorrected, List<StepStatistics> steps) {

    public DailySummary {
        steps = List.copyOf(steps);
    }
}
