package id.dukcapil.portal.shared.internal.db;

import id.dukcapil.portal.shared.backup.BackupCipher;
import id.dukcapil.portal.shared.backup.BackupProperties;
import id.dukcapil.portal.shared.secret.KeyFile;
import id.dukcapil.portal.shared.secret.NodeScope;
import id.dukcapil.portal.shared.secret.SharedSetting;

/** The key backups are sealed with: {@code BACKUP_KEY}, or on the embedded database a key file made at first start. */
final class BackupKey {

    static final SharedSetting SETTING = new SharedSetting("the backup key", "BACKUP_KEY", "portal.backup.key");

    private BackupKey() {
    }

    static BackupCipher cipher(BackupProperties properties, NodeScope scope) {
        return new BackupCipher(KeyFile.read(properties.key(), SETTING, properties.keyFile(), scope));
    }
}
