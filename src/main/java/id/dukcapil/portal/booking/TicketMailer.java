package id.dukcapil.portal.booking;

import id.dukcapil.portal.booking.internal.BookingStore;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails the ticket after the booking commits, in its own transaction: rendering the PDF does not hold the day's
 * counter row, and the event publication registry retries the e-mail if the portal stops in between.
 */
@Component
class TicketMailer {

    private final BookingStore bookings;
    private final BookingMails mails;

    TicketMailer(BookingStore bookings, BookingMails mails) {
        this.bookings = bookings;
        this.mails = mails;
    }

    @ApplicationModuleListener
    void on(BookingMade made) {
        bookings.byId(made.bookingId()).ifPresent(mails::ticket);
    }
}
