package id.dukcapil.portal.shared.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Message-IDs of what a provider accepted, written beside the backups as it happens ({@code
 * BACKUP_DIR/outbox-sent/<day>.log}, decision 184): a database restored to an earlier point does not know what went out
 * after it, this journal does, and the outbox marks those messages sent instead of sending them again. A line is
 * written as soon as the provider answers (the operating system keeps it should the portal be killed) and the file is
 * forced to the disk once per group, with the group's record. Without {@code BACKUP_DIR} it writes nothing.
 */
@Component
public class SentJournal {

    static final String FOLDER = "outbox-sent";
    private static final Logger log = LoggerFactory.getLogger(SentJournal.class);

    private final @Nullable Path folder;
    private @Nullable FileChannel open;
    private @Nullable LocalDate openDay;

    public SentJournal(BackupProperties properties) {
        this.folder = properties.enabled() ? properties.dir().resolve(FOLDER) : null;
    }

    /** Whether it keeps a journal at all. */
    public boolean keeping() {
        return folder != null;
    }

    /** One message the provider accepted. A journal that cannot be written is logged, never fails the sending. */
    public synchronized void append(String messageId, Instant at) {
        if (folder == null) {
            return;
        }
        try {
            channelFor(LocalDate.ofInstant(at, ZoneOffset.UTC))
                    .write(StandardCharsets.US_ASCII.encode(messageId + " " + at + "\n"));
        } catch (IOException e) {
            log.error("Could not journal sent message {} in {}: a restore to an earlier point may send it again",
                    messageId, folder, e);
        }
    }

    /** Forces what was appended to the disk (once per group of messages). */
    public synchronized void force() {
        if (open != null) {
            try {
                open.force(false);
            } catch (IOException e) {
                log.warn("Could not force the sent journal to the disk", e);
            }
        }
    }

    /** Every Message-ID journaled on the UTC day of {@code from} and after. */
    public Set<String> sentSince(Instant from) {
        Set<String> ids = new HashSet<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return ids;
        }
        String first = LocalDate.ofInstant(from, ZoneOffset.UTC) + ".log";
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file -> file.getFileName().toString().compareTo(first) >= 0).toList()) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
                    // A line cut short by a crash has no space yet: it was not a whole answer.
                    lines.filter(line -> line.indexOf(' ') > 0).forEach(line -> ids.add(line.substring(0, line.indexOf(' '))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sent journal in " + folder, e);
        }
        return ids;
    }

    private FileChannel channelFor(LocalDate day) throws IOException {
        if (open == null || !day.equals(openDay)) {
            if (open != null) {
                open.force(false);
                open.close();
            }
            Files.createDirectories(folder);
            open = FileChannel.open(folder.resolve(day + ".log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            openDay = day;
        }
        return open;
    }

}
