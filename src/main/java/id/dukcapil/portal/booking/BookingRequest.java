package id.dukcapil.portal.booking;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a citizen (or a clerk) asks for: the NIK whose card is printed, where and when. A citizen proves the person
 * with the number of the family card (KK) that lists them (decision 068); a clerk, who sees the resident or their
 * papers, books by the NIK alone.
 *
 * @param kkNumber the family card's number, as typed; none for a clerk
 */
public record BookingRequest(String nik, @Nullable String kkNumber, String servicePoint, LocalDate date) {

    /** A clerk's request: the NIK alone. */
    public BookingRequest(String nik, String servicePoint, LocalDate date) {
        this(nik, null, servicePoint, date);
    }
}
