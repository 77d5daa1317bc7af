/**
 * The backups' shared parts (decision 184): what a module adds to a backup besides the database ({@link BackupPart}),
 * the settings ({@link BackupProperties}), the cipher every backup file is sealed with ({@link BackupCipher}) and the
 * journal of sent messages kept beside the backups ({@link SentJournal}).
 */
@NamedInterface("backup")
@NullMarked
package id.dukcapil.portal.shared.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
