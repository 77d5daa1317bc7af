package id.dukcapil.portal.shared.internal.db;

import id.dukcapil.portal.shared.backup.BackupProperties;
import id.dukcapil.portal.shared.metrics.Sampled;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The last backup's meters (decision 184, with 178's): {@code portal_backup_last_success_seconds}, the Unix time of the
 * last backup that succeeded, which the alert {@code BackupTooOld} holds against 26 hours, and {@code
 * portal_backup_last_size_bytes}. Absent without {@code BACKUP_DIR}; NaN while no backup exists.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
class BackupMeters implements MeterBinder {

    private final BackupProperties properties;
    private final Sampled<Optional<BackupState.Last>> last;

    BackupMeters(BackupProperties properties, BackupState state) {
        this.properties = properties;
        this.last = new Sampled<>(() -> state.last(properties.dir()), Duration.ofSeconds(5));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!properties.enabled()) {
            return;
        }
        Gauge.builder("portal.backup.last.success", this, meters -> meters.read().map(l -> l.at().getEpochSecond())
                        .map(Long::doubleValue).orElse(Double.NaN))
                .description("Unix time of the last backup that succeeded").baseUnit("seconds")
                .strongReference(true).register(registry);
        Gauge.builder("portal.backup.last.size", this, meters -> meters.read().map(l -> (double) l.size())
                        .orElse(Double.NaN))
                .description("Size of the last backup that succeeded").baseUnit("bytes")
                .strongReference(true).register(registry);
    }

    private Optional<BackupState.Last> read() {
        return last.get().flatMap(found -> found);
    }
}
