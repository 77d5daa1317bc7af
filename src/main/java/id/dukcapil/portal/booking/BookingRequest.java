package id.dukcapil.portal.booking;

import java.time.LocalDate;

/** What a citizen (or a clerk) asks for: the NIK whose card is printed, where and when. */
public record BookingRequest(String nik, String servicePoint, LocalDate date) {
}
