package id.dukcapil.portal.population;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How far an import of a SIAK extract is, as its progress bar and summary show it.
 *
 * @param fraction     how much of the file was read, 0 to 1
 * @param failureKey      why a failed import stopped, a translation key, with {@code failureArgs}
 * @param goneToConfirm   while it awaits confirmation: the residents of its region it would mark gone
 * @param regionResidents while it awaits confirmation: the region's residents not gone, those among them
 */
public record ImportProgress(long id, String fileName, String scope, ImportState state, String startedBy,
                             Instant startedAt, @Nullable Instant finishedAt, double fraction, long rowsRead,
                             long rowsRejected, long familiesRejected, long residentsAdded, long residentsChanged,
                             long residentsGone, @Nullable String failureKey, List<String> failureArgs,
                             long goneToConfirm, long regionResidents) {

    public ImportProgress {
        failureArgs = List.copyOf(failureArgs);
    }

    public boolean running() {
        return state == ImportState.RUNNING;
    }

    /** Loaded, and waiting for an ADMIN to confirm {@link #goneToConfirm} residents gone, or to stop it. */
    public boolean awaitingConfirmation() {
        return state == ImportState.AWAITING_CONFIRMATION;
    }

    /** Rows read per second since the import started. */
    public long rowsPerSecond(Instant now) {
        long millis = Duration.between(startedAt, finishedAt != null ? finishedAt : now).toMillis();
        return millis <= 0 ? 0 : rowsRead * 1000 / millis;
    }

    /** The time left at the pace so far, once there is a pace to tell it by. */
    public Optional<Duration> timeLeft(Instant now) {
        if (!running() || fraction <= 0.001) {
            return Optional.empty();
        }
        long elapsed = Duration.between(startedAt, now).toMillis();
        return Optional.of(Duration.ofMillis((long) (elapsed * (1 - fraction) / fraction)));
    }
}
