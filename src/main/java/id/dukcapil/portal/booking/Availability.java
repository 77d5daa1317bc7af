package id.dukcapil.portal.booking;

import java.time.LocalDate;

/** A day as a citizen's calendar shows it: free places, or closed. */
public record Availability(LocalDate date, int quota, int remaining, boolean open) {
}
