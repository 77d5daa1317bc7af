package id.dukcapil.portal.outside.internal;

import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.SystemState;
import id.dukcapil.portal.shared.metrics.Sampled;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Each outside system as an operator watches it (decisions 178, 198): up (1, or 0 while away; NaN before its first
 * contact) and the seconds since its last successful contact (written at most once a minute, so a minute's
 * grain). One read of the five rows per scrape; the table is the cluster's, so every node reports the same figures.
 */
@Component
class OutsideSystemMeters implements MeterBinder {

    private final Sampled<List<SystemState>> states;
    private final Clock clock;

    OutsideSystemMeters(OutsideSystemRepository store, Clock clock) {
        this.states = new Sampled<>(store::states, Duration.ofSeconds(5));
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutsideSystem system : OutsideSystem.values()) {
            gauge(registry, "portal.outside.up", "Whether the outside system answered the portal's last try (1), "
                    + "or is away (0)", system, null, state -> switch (state.status()) {
                        case UP -> 1;
                        case AWAY -> 0;
                        case NOT_CONTACTED -> Double.NaN;
                    });
            gauge(registry, "portal.outside.contact.age", "Time since the outside system's last successful contact",
                    system, "seconds", state -> state.lastContact() == null ? Double.NaN
                            : Math.max(0, Duration.between(state.lastContact(), clock.instant()).toSeconds()));
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, OutsideSystem system,
                       @Nullable String unit, ToDoubleFunction<SystemState> figure) {
        Gauge.builder(name, this, meters -> meters.of(system).map(figure::applyAsDouble).orElse(Double.NaN))
                .description(description).baseUnit(unit).tag("system", system.tag()).strongReference(true)
                .register(registry);
    }

    /** The system's state; empty when the reading failed (the database away). */
    private Optional<SystemState> of(OutsideSystem system) {
        return states.get().map(all -> all.stream().filter(state -> state.system() == system).findFirst()
                .orElse(SystemState.notContacted(system)));
    }
}
