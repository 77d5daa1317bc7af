package id.dukcapil.portal.booking;

import id.dukcapil.portal.booking.internal.BookingRepository;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day's jobs, each once a period in the whole cluster (ShedLock): the reminder e-mail the day before, and at
 * night the no-shows of the day that ended. The lock is held at least an hour, so a node whose clock is a little off
 * fires after the first run has finished and still finds it taken; each booking is reminded or marked once anyway.
 */
@Component
class BookingJobs {

    static final int BATCH = 100;

    private final BookingRepository bookings;
    private final BookingMails mails;
    private final CounterService counter;
    private final ServicePoints servicePoints;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BookingJobs(BookingRepository bookings, BookingMails mails, CounterService counter, ServicePoints servicePoints,
                TransactionTemplate transactions, Clock clock) {
        this.bookings = bookings;
        this.mails = mails;
        this.counter = counter;
        this.servicePoints = servicePoints;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * From 08:00 the day before, and again every two hours until 16:00: a run that a stopped node left half done,
     * or that no node was up for, is finished by the next (decision 142).
     */
    @Scheduled(cron = "0 0 8,10,12,14,16 * * *", zone = "Asia/Jakarta")
    @SchedulerLock(name = "booking-reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1H")
    void remindTomorrow() {
        remind(LocalDate.now(clock).plusDays(1));
    }

    /**
     * Reminds every open booking of the day not yet reminded, a batch per transaction (the message and the mark
     * together), except those booked on the day before itself: their ticket is a few hours old.
     */
    int remind(LocalDate day) {
        Instant bookedBefore = day.minusDays(1).atStartOfDay(clock.getZone()).toInstant();
        int sent = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                List<Booking> due = bookings.toRemind(day, bookedBefore, BATCH);
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
