package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.booking.Booking;

/** The audit entries of bookings, alike whichever path made them. */
public final class BookingAudit {

    private BookingAudit() {
    }

    /** The audit entry of a booking made. */
    public static AuditRecord made(Booking booking) {
        return AuditRecord.success("booking.made", "Booking", booking.code())
                .withDetail("point=" + booking.servicePoint() + "; day=" + booking.day() + "; queue="
                        + booking.queueNumber() + "; nik=" + booking.maskedNik() + (booking.fromReserve() ? "; reserve" : ""));
    }
}
