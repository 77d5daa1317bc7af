package id.dukcapil.portal.booking;

import id.dukcapil.portal.booking.internal.BookingStore;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
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

    /** An application module listener on its own single-thread executor (the publication registry still tracks it). */
    @Async(AsyncListenersConfiguration.TICKET_MAILS)
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(BookingMade made) {
        bookings.byId(made.bookingId()).ifPresent(mails::ticket);
    }
}
