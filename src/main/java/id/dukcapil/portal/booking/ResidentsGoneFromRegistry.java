package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.booking.internal.BookingStore;
import id.dukcapil.portal.booking.internal.DayStore;
import id.dukcapil.portal.population.PopulationChanged;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.shared.Nik;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An import of a SIAK extract marked a booked resident gone (died, moved out). A booking still waiting for its day is
 * cancelled: its place goes back to the day's quota and the booking's address is told in neutral words; one whose
 * citizen already checked in stays with the counter. Either is marked, so the counter sees it before or when the
 * citizen comes (decisions 099, 108).
 */
@Component
class ResidentsGoneFromRegistry {

    /** Nobody signed in: the import that announced the change is named in the entry's detail. */
    private static final Actor IMPORT = Actor.system("population-import");
    /** The outcome reason of a booking cancelled because the register no longer lists its resident. */
    static final String RESIDENT_GONE = Objects.requireNonNull(BookingTransition.CANCEL_FOR_RESIDENT_GONE.outcomeReason());

    private final BookingStore bookings;
    private final DayStore days;
    private final PopulationRegistry registry;
    private final BookingMails mails;
    private final AuditLog auditLog;
    private final Clock clock;

    ResidentsGoneFromRegistry(BookingStore bookings, DayStore days, PopulationRegistry registry, BookingMails mails,
                              AuditLog auditLog, Clock clock) {
        this.bookings = bookings;
        this.days = days;
        this.registry = registry;
        this.mails = mails;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PopulationChanged changed) {
        settle(changed, bookings.openOf(changed.residents().stream().map(Nik::value).toList()));
    }

    /**
     * The change's open bookings, as read without a lock: each is marked (or its mark cleared), and one of a resident
     * gone that was still waiting when read is cancelled. A citizen checked in between that read and the write is found
     * by the write's condition: the booking is read again and stays with the counter, its place kept (decision 173).
     */
    void settle(PopulationChanged changed, List<BookingStore.MarkedBooking> read) {
        for (BookingStore.MarkedBooking open : read) {
            Booking booking = open.booking();
            boolean gone = registry.findByNik(Nik.of(booking.nik())).isEmpty();
            // A resident listed again by a later extract is found again: the mark goes.
            if (gone == open.residentGone() || !bookings.markResidentGone(booking.id(), gone ? clock.instant() : null)) {
                continue;
            }
            auditLog.record(IMPORT, AuditRecord.success(gone ? "booking.resident-gone" : "booking.resident-back",
                    "Booking", booking.code()).withDetail("import " + changed.importId() + ", " + booking.maskedNik()));
            if (gone && booking.allows(BookingTransition.CANCEL_FOR_RESIDENT_GONE)) {
                bookings.changeOrDecideAgain(booking.cancelForResidentGone(clock.instant()))
                        .ifPresent(cancelled -> giveThePlaceBack(cancelled.booking(), changed.importId()));
            }
        }
    }

    /** Only for a cancellation that happened: the place goes back to the day the booking was on. */
    private void giveThePlaceBack(Booking booking, long importId) {
        days.release(booking.servicePoint(), booking.day());
        auditLog.record(IMPORT, AuditRecord.success("booking.cancelled", "Booking", booking.code())
                .withDetail("resident no longer in the register (import " + importId + "); the place goes back to "
                        + booking.day()));
        mails.cancelledByRegister(booking);
    }
}
