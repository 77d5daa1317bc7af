package id.dukcapil.portal.booking;

import id.dukcapil.portal.booking.internal.BookingStore;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day's jobs, each once a day in the whole cluster (ShedLock): the reminder e-mail the day before, and at night
 * the no-shows of the day that ended. The lock is held at least an hour, so a node whose clock is a little off
 * fires after the first run has finished and still finds it taken; each booking is reminded or marked once anyway.
 */
@Component
class BookingJobs {

    static final int BATCH = 100;

    private final BookingStore bookings;
    private final BookingMails mails;
    private final CounterService counter;
    private final ServicePoints servicePoints;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BookingJobs(BookingStore bookings, BookingMails mails, CounterService counter, ServicePoints servicePoints,
                TransactionTemplate transactions, Clock clock) {
        this.bookings = bookings;
        this.mails = mails;
        this.counter = counter;
        this.servicePoints = servicePoints;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 8 * * *", zone = "Asia/Jakarta")
    @SchedulerLock(name = "booking-reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1H")
    void remindTomorrow() {
        remind(LocalDate.now(clock).plusDays(1));
    }

    /** Reminds every open booking of the day not yet reminded, a batch per transaction. */
    int remind(LocalDate day) {
        int sent = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                List<Booking> due = bookings.toRemind(day, BATCH);
                for (Booking booking : due) {
                    mails.reminder(booking);
                    bookings.reminded(booking.id(), clock.instant());
                }
                return due.size();
            });
            sent += batch == null ? 0 : batch;
            if (batch == null || batch < BATCH) {
                return sent;
            }
        }
    }

    @Scheduled(cron = "0 30 23 * * *", zone = "Asia/Jakarta")
    @SchedulerLock(name = "booking-no-shows", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1H")
    void markTodaysNoShows() {
        LocalDate today = LocalDate.now(clock);
        for (ServicePoint point : servicePoints.active()) {
            counter.markNoShows(point.code(), today);
        }
    }
}
