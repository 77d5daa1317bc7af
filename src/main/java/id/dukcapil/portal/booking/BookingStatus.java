package id.dukcapil.portal.booking;

/** Where a booking stands. Only BOOKED and ARRIVED are open: they hold the NIK's one open booking. */
public enum BookingStatus {
    BOOKED, ARRIVED, PRINTED, CANNOT_PRINT, NO_SHOW, CANCELLED;

    public boolean open() {
        return this == BOOKED || this == ARRIVED;
    }

    public String labelKey() {
        return "booking.status." + name();
    }
}
