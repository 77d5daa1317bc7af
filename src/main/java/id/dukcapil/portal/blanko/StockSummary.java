package id.dukcapil.portal.blanko;

import java.util.OptionalInt;

/**
 * Where a service point's stock stands.
 *
 * @param usedRecently cards printed or spoiled over the last {@link BlankoStock#RATE_WINDOW_DAYS} days
 * @param daysLeft     whole days the balance lasts at that rate; empty when nothing was used recently
 */
public record StockSummary(String servicePoint, String servicePointName, int balance, int usedRecently,
                           OptionalInt daysLeft) {
}
