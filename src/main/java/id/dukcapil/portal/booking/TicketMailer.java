package id.dukcapil.portal.booking;

import id.dukcapil.portal.booking.internal.BookingRepository;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails the ticket after the booking commits, in its own transaction: rendering the PDF does not hold the day's
 * counter row, and the event publication registry retries the e-mail if the portal stops in between. The PDF is
 * rendered in a lull of the booking requests (decision 045): during a burst the citizens get their answers first.
 */
@Component
class TicketMailer {

    private final BookingRepository bookings;
    private final BookingMails mails;
    private final Foreground foreground;
    private final TransactionTemplate transaction;

    TicketMailer(BookingRepository bookings, BookingMails mails, Foreground foreground, TransactionTemplate transaction) {
        this.bookings = bookings;
        this.mails = mails;
        this.foreground = foreground;
        this.transaction = transaction;
    }

    /**
     * An application module listener on its own single-thread executor (the publication registry still tracks it).
     * It waits for the lull outside any transaction: no connection is held meanwhile.
     */
    @Async(TicketMailExecutorConfiguration.NAME)
    @TransactionalEventListener
    public void on(BookingMade made) throws InterruptedException {
        foreground.awaitLull();
        transaction.executeWithoutResult(status -> bookings.byId(made.bookingId()).ifPresent(booking -> mails.ticket(booking, made.moved())));
    }
}
