package id.dukcapil.portal.booking;

import java.time.LocalDate;

/** A national holiday: every point is closed on its day. */
public record Holiday(LocalDate day, String name) {
}
