package id.dukcapil.portal.booking;

import id.dukcapil.portal.sla.StepStatistics;
import java.time.LocalDate;
import java.util.List;

/**
 * A service point's print-counter day: bookings held for the day, arrivals, cards printed and spoiled,
 * no-shows, the blank-card stock at opening and closing, and SOP A's steps against their standard.
 */
public record DailySummary(String servicePoint, String servicePointName, LocalDate day, int bookings, int arrivals,
                           int printed, int spoiled, int noShows, int cannotPrint, int cancelled, int openingStock,
                           int closingStock, List<StepStatistics> steps) {

    public DailySummary {
        steps = List.copyOf(steps);
    }
}
