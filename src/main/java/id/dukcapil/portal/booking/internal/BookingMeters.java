package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.booking.RefusalCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bookings made and refused, by who booked and by the refusal's stable code (decision 178): a day's opening burst,
 * a throttle refusing a crowd, a quota full by nine. Counted by this node when the booking service decides; a booking
 * made inside a transaction counts when it commits. Prometheus adds up the nodes.
 */
@Component
public class BookingMeters {

    private final Counter madeByCitizens;
    private final Counter madeByStaff;
    private final Map<RefusalCode, Counter> refusedCitizens = new EnumMap<>(RefusalCode.class);

    BookingMeters(MeterRegistry registry) {
        this.madeByCitizens = made(registry, "citizen");
        this.madeByStaff = made(registry, "staff");
        for (RefusalCode code : RefusalCode.values()) {
            refusedCitizens.put(code, Counter.builder("portal.bookings.refused")
                    .description("Citizens' booking requests refused, by the refusal's code")
                    .tag("reason", code.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    private static Counter made(MeterRegistry registry, String by) {
        return Counter.builder("portal.bookings.made").description("Bookings made").tag("by", by).register(registry);
    }

    /** A citizen's booking made (not a retry answered with the booking an earlier request made). */
    public void madeByCitizen() {
        madeByCitizens.increment();
    }

    /** A clerk's booking for a resident, counted once its transaction commits. */
    public void madeByStaff() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    madeByStaff.increment();
                }
            });
        } else {
            madeByStaff.increment();
        }
    }

    public void refusedCitizen(RefusalCode code) {
        refusedCitizens.get(code).increment();
    }
}
