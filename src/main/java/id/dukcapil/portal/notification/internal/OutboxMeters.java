package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.shared.metrics.Sampled;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The outbox as an operator watches it (decision 178): per channel, the messages still to be handed over, the age of
 * the oldest of them (a channel that stopped delivering) and the UNCERTAIN ones, which wait for ADMIN. One grouped
 * query per scrape feeds all of them; the table is the cluster's, so every node reports the same figures.
 */
@Component
class OutboxMeters implements MeterBinder {

    private final Sampled<List<OutboxBacklog.Backlog>> backlog;
    private final Clock clock;

    OutboxMeters(OutboxBacklog backlog, Clock clock) {
        this.backlog = new Sampled<>(backlog::backlog, Duration.ofSeconds(5));
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            gauge(registry, "portal.outbox.waiting", "Messages still to be handed over", channel, null,
                    b -> b.waiting());
            gauge(registry, "portal.outbox.oldest.age", "Age of the oldest message still to be handed over", channel,
                    "seconds", b -> b.oldest() == null ? 0
                            : Math.max(0, Duration.between(b.oldest(), clock.instant()).toSeconds()));
            gauge(registry, "portal.outbox.uncertain", "Messages that may or may not have arrived, waiting for ADMIN",
                    channel, null, b -> b.uncertain());
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, Channel channel, @Nullable String unit,
                       ToDoubleFunction<OutboxBacklog.Backlog> figure) {
        Gauge.builder(name, this, meters -> meters.of(channel).map(b -> figure.applyAsDouble(b)).orElse(Double.NaN))
                .description(description).baseUnit(unit).tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .strongReference(true).register(registry);
    }

    /** The channel's backlog, none when it has no message waiting; empty when the reading failed. */
    private Optional<OutboxBacklog.Backlog> of(Channel channel) {
        return backlog.get().map(all -> all.stream().filter(b -> b.channel() == channel).findFirst()
                .orElse(new OutboxBacklog.Backlog(channel, 0, null, 0)));
    }
}
