package id.dukcapil.portal.sla.internal;

import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.shared.metrics.Sampled;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Open SLA breaches, per procedure and step (decision 178): the steps now over their standard, as MANAGER's SLA
 * monitor lists them. One gauge per step of the SOP (a fixed set), all fed by one grouped query per scrape; the
 * table is the cluster's, so every node reports the same figures.
 */
@Component
class SlaMeters implements MeterBinder {

    private final Sampled<Map<String, Long>> overdue;

    SlaMeters(StepStore steps, Clock clock) {
        this.overdue = new Sampled<>(() -> steps.overdueCounts(clock.instant()), Duration.ofSeconds(5));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SopStep step : SopStep.values()) {
            if (step == SopStep.B10_ADM_PRINT) {
                continue; // the citizen's time, not the office's
            }
            Gauge.builder("portal.sla.breaches.open", overdue,
                            counts -> counts.get().map(all -> (double) all.getOrDefault(step.name(), 0L))
                                    .orElse(Double.NaN))
                    .description("Open steps over their standard")
                    .tag("procedure", step.procedure().name().toLowerCase(Locale.ROOT))
                    .tag("step", step.name().toLowerCase(Locale.ROOT))
                    .strongReference(true).register(registry);
        }
    }
}
