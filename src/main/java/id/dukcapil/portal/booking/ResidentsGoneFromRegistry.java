package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.booking.internal.BookingStore;
import id.dukcapil.portal.population.PopulationChanged;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.shared.Nik;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An import of a SIAK extract marked a booked resident gone (died, moved out): the open booking is marked so that
 * the counter sees it before the citizen comes, not only at check-in (decision 099).
 */
@Component
class ResidentsGoneFromRegistry {

    /** Nobody signed in: the import that announced the change is named in the entry's detail. */
    private static final Actor IMPORT = Actor.system("population-import");

    private final BookingStore bookings;
    private final PopulationRegistry registry;
    private final AuditLog auditLog;
    private final Clock clock;

    ResidentsGoneFromRegistry(BookingStore bookings, PopulationRegistry registry, AuditLog auditLog, Clock clock) {
        this.bookings = bookings;
        this.registry = registry;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PopulationChanged changed) {
        for (BookingStore.MarkedBooking open : bookings.openOf(changed.residents().stream().map(Nik::value).toList())) {
            Booking booking = open.booking();
            boolean gone = registry.findByNik(Nik.of(booking.nik())).isEmpty();
            // A resident listed again by a later extract is found again: the mark goes.
            if (gone != open.residentGone() && bookings.markResidentGone(booking.id(), gone ? clock.instant() : null)) {
                auditLog.record(IMPORT, AuditRecord.success(gone ? "booking.resident-gone" : "booking.resident-back",
                        "Booking", booking.code()).withDetail("import " + changed.importId() + ", " + booking.maskedNik()));
            }
        }
    }
}
