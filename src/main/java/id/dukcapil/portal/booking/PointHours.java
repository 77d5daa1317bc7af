package id.dukcapil.portal.booking;

import id.dukcapil.portal.booking.internal.OpeningHoursEntity;
import id.dukcapil.portal.booking.internal.OpeningHoursRepository;
import id.dukcapil.portal.staff.ServicePoint;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** A point's opening hours as set, or its kind's default: read by the calendar, the ticket and the e-mails. */
@Component
class PointHours {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    private final OpeningHoursRepository store;

    PointHours(OpeningHoursRepository store) {
        this.store = store;
    }

    OpeningHours of(ServicePoint point) {
        return store.findById(point.code()).map(OpeningHoursEntity::toRecord)
                .orElseGet(() -> OpeningHours.defaultFor(point.kind()));
    }

    /** "08.00–15.00": the hours as a citizen reads them on a ticket (Indonesian writes the time with a dot). */
    String shown(ServicePoint point) {
        OpeningHours hours = of(point);
        return TIME.format(hours.opens()) + "–" + TIME.format(hours.closes());
    }
}
