package id.dukcapil.portal.shared.internal.db;

import id.dukcapil.portal.shared.backup.BackupProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Which backups stay (decision 184): the newest of each of the last {@code daily} days, the first of each of the last
 * {@code weekly} ISO weeks and of the last {@code monthly} months. The binary log copies stay from the oldest kept
 * backup's position on, per timeline; a timeline no kept backup starts from goes.
 */
final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private Retention() {
    }

    static void apply(Path root, BackupProperties properties) throws IOException {
        List<Path> backups = EmbeddedBackup.backups(root);
        Set<Path> kept = new HashSet<>();
        kept.addAll(firstOrLastPer(backups, properties.daily(), true, day -> day.toString()));
        kept.addAll(firstOrLastPer(backups, properties.weekly(), false,
                day -> day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        kept.addAll(firstOrLastPer(backups, properties.monthly(), false, day -> day.withDayOfMonth(1).toString()));
        if (!backups.isEmpty()) {
            kept.add(backups.getLast());
        }
        Map<String, String> firstBinlog = new HashMap<>();
        for (Path backup : backups) {
            if (kept.contains(backup)) {
                Manifest manifest = Manifest.read(backup);
                firstBinlog.merge(manifest.get(Manifest.BINLOG_TIMELINE), manifest.get(Manifest.BINLOG_FILE),
                        (one, other) -> one.compareTo(other) <= 0 ? one : other);
            } else {
                log.info("Backup {} is past the retention; deleted", backup);
                FileSystemUtils.deleteRecursively(backup);
            }
        }
        Path binlogs = root.resolve("binlog");
        if (Files.isDirectory(binlogs)) {
            try (Stream<Path> timelines = Files.list(binlogs)) {
                for (Path timeline : timelines.toList()) {
                    String first = firstBinlog.get(timeline.getFileName().toString());
                    if (first == null) {
                        FileSystemUtils.deleteRecursively(timeline);
                        continue;
                    }
                    try (Stream<Path> files = Files.list(timeline)) {
                        for (Path file : files.filter(f -> f.getFileName().toString().compareTo(first) < 0).toList()) {
                            Files.delete(file);
                        }
                    }
                }
            }
        }
    }

    private static Set<Path> firstOrLastPer(List<Path> backups, int periods, boolean last,
                                            java.util.function.Function<LocalDate, String> period) {
        Map<String, Path> chosen = new LinkedHashMap<>();
        for (Path backup : backups) { // oldest first
            LocalDate day = LocalDate.ofInstant(Manifest.read(backup).takenAt(), ZoneOffset.UTC);
            String key = period.apply(day);
            if (last || !chosen.containsKey(key)) {
                chosen.put(key, backup);
            }
        }
        List<Path> newestPeriods = chosen.values().stream().toList();
        return new HashSet<>(newestPeriods.subList(Math.max(0, newestPeriods.size() - periods), newestPeriods.size()));
    }
}
