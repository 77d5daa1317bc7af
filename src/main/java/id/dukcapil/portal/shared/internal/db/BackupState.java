package id.dukcapil.portal.shared.internal.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The last backup that succeeded, for the meters: remembered when this node takes one, else read from the newest
 * manifest in {@code BACKUP_DIR} (taken before this start, or by another node).
 */
@Component
class BackupState {

    private volatile @Nullable Instant lastAt;
    private volatile long lastSize;

    void taken(Instant at, long size) {
        lastAt = at;
        lastSize = size;
    }

    Optional<Path> newest(@Nullable Path backupDir) {
        if (backupDir == null) {
            return Optional.empty();
        }
        try {
            List<Path> backups = EmbeddedBackup.backups(backupDir);
            return backups.isEmpty() ? Optional.empty() : Optional.of(backups.getLast());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the last backup was taken and its size in bytes. */
    Optional<Last> last(@Nullable Path backupDir) {
        Instant at = lastAt;
        if (at != null) {
            return Optional.of(new Last(at, lastSize));
        }
        return newest(backupDir).map(Manifest::read).map(manifest -> new Last(manifest.takenAt(),
                Long.parseLong(manifest.find(Manifest.SIZE).orElse("0"))));
    }

    record Last(Instant at, long size) {
    }
}
