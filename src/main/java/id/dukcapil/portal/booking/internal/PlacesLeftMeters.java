package id.dukcapil.portal.booking.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Places citizens can still book today, per service point (decision 178): a point that fills by nine, or one whose day
 * was closed. The points are the office's data, so the rows are read again every half minute (one read of today's
 * counter rows) rather than fixed at the start. Each node reads for its own scrape and writes nothing: no lock needed.
 */
@Component
class PlacesLeftMeters implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(PlacesLeftMeters.class);

    private final DayStore days;
    private final Clock clock;
    private volatile @Nullable MultiGauge placesLeft;

    PlacesLeftMeters(DayStore days, Clock clock) {
        this.days = days;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        placesLeft = MultiGauge.builder("portal.booking.places.left")
                .description("Places citizens can still book today, per service point").register(registry);
        refresh();
    }

    @Scheduled(fixedDelayString = "${portal.metrics.places-left-every:PT30S}", initialDelayString = "PT30S")
    void refresh() {
        MultiGauge gauge = placesLeft;
        if (gauge == null) {
            return;
        }
        try {
            gauge.register(days.countersOn(LocalDate.now(clock)).stream()
                    .map(day -> MultiGauge.Row.of(Tags.of("service_point", day.servicePoint()),
                            day.remainingForCitizens()))
                    .toList(), true);
        } catch (DataAccessException away) {
            log.debug("Places left today not read: {}", away.toString()); // the last reading stays until the next
        }
    }
}
