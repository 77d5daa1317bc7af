package id.dukcapil.portal.shared.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a module adds to every backup besides the database: facts for the manifest (the audit chain's head at that
 * moment, the fingerprint of a key the restore will need) and files kept outside the database (the audit anchors).
 * A module implements it as a bean; the backup asks each one while the database's copy is taken. Shared defines it so
 * that the backup, which runs in shared, needs no module of its own to depend on.
 */
public interface BackupPart {

    /** A short name, the prefix of its facts in the manifest: {@code audit}. */
    String name();

    /** Facts as they are now, written into the manifest under {@code <name>.<key>}. */
    Map<String, String> facts();

    /** Files to copy into the backup. */
    List<BackupFile> files();

    /** The settings (environment variables) of the keys a restore of this part needs, never their values. */
    List<String> keysNeeded();

    /**
     * A file of the backup and where a restore puts it back.
     *
     * @param name      its name inside the backup
     * @param source    the file as it is now (absent: nothing to copy)
     * @param restoreTo where a restore puts it, as a Spring placeholder expression resolved against the restoring
     *                  portal's settings, e.g. {@code ${portal.audit.anchors-dir:${portal.audit.data-dir:data}}/x.log}
     */
    record BackupFile(String name, Path source, String restoreTo) {
    }
}
