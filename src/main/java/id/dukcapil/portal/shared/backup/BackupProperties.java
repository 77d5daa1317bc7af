package id.dukcapil.portal.shared.backup;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.backup.*} (decision 184).
 *
 * @param dir            {@code BACKUP_DIR}: where backups, the binary log and the journal of sent messages go (another
 *                       disk or a mounted share); empty: no backups
 * @param key            {@code BACKUP_KEY}: the base64 AES key (32 bytes) every backup file is sealed with; empty, on
 *                       the embedded database only: {@code keyFile}, made at first start
 * @param keyFile        the key's file when none is configured (embedded database only)
 * @param cron           when the daily backup runs (Asia/Jakarta), once in the cluster
 * @param binlogInterval how often the binary log's closed files are copied: the most committed work a lost disk costs
 * @param daily          how many daily backups are kept
 * @param weekly         how many weekly ones (the first of each ISO week) besides
 * @param monthly        how many monthly ones (the first of each month) besides
 */
@ConfigurationProperties("portal.backup")
public record BackupProperties(@Nullable Path dir, @Nullable String key,
                               @DefaultValue("data/backup.key") Path keyFile,
                               @DefaultValue("0 30 1 * * *") String cron,
                               @DefaultValue("PT20S") Duration binlogInterval,
                               @DefaultValue("7") int daily, @DefaultValue("4") int weekly,
                               @DefaultValue("12") int monthly) {

    public boolean enabled() {
        return dir != null && !dir.toString().isBlank();
    }
}
