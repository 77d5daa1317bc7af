package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.booking.internal.BookingEntity;
import id.dukcapil.portal.booking.internal.BookingRepository;
import id.dukcapil.portal.booking.internal.BookingTransition;
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

    private final BookingRepository bookings;
    private final DayStore days;
    private final PopulationRegistry registry;
    private final BookingMails mails;
    private final AuditLog auditLog;
    private final Clock clock;

    ResidentsGoneFromRegistry(BookingRepository bookings, DayStore days, PopulationRegistry registry, BookingMails mails,
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
        settle(changed, bookings.lockedOpenOf(changed.residents().stream().map(Nik::value).toList()));
    }

    /**
     * The change's open bookings, read locked: each is marked (or its mark cleared), and one of a resident gone that is
     * still waiting is cancelled. A citizen at the counter meanwhile is checked in before this read or after this
     * commit: a booking checked in stays with the counter, its place kept (decisions 173, 193).
     */
    void settle(PopulationChanged changed, List<BookingEntity> open) {
        for (BookingEntity booking : open) {
            Booking read = booking.toRecord();
            boolean gone = registry.findByNik(Nik.of(read.nik())).isEmpty();
            // A resident listed again by a later extract is found again: the mark goes.
            if (gone == booking.residentGone() || !bookings.markResidentGone(read.id(), gone ? clock.instant() : null)) {
                continue;
            }
            auditLog.record(IMPORT, AuditRecord.success(gone ? "booking.resident-gone" : "booking.resident-back",
                    "Booking", read.code()).withDetail("import " + changed.importId() + ", " + read.maskedNik()));
            if (gone && booking.allows(BookingTransition.CANCEL_FOR_RESIDENT_GONE)) {
                booking.cancelForResidentGone(clock.instant());
                giveThePlaceBack(booking.toRecord(), changed.importId());
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
