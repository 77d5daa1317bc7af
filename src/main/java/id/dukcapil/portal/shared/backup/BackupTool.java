package id.dukcapil.portal.shared.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;

/**
 * {@code java -jar portal.jar backup-seal|backup-open} (decision 184): the portal's cipher for the scripts of an external
 * MariaDB or Galera ({@code deploy/backup/}), standard input to standard output, with {@code BACKUP_KEY} from the
 * environment. No Spring starts: a pipe of {@code mariadb-backup --stream} runs through it.
 */
public final class BackupTool {

    private BackupTool() {
    }

    /** Whether the arguments name this tool. */
    public static boolean named(String[] args) {
        return args.length == 1 && (args[0].equals("backup-seal") || args[0].equals("backup-open"));
    }

    public static void run(String[] args) throws IOException {
        String key = System.getenv("BACKUP_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("Set BACKUP_KEY (base64, 32 bytes: openssl rand -base64 32)");
            System.exit(2);
        }
        BackupCipher cipher = new BackupCipher(Base64.getDecoder().decode(key.strip()));
        if (args[0].equals("backup-seal")) {
            try (InputStream in = System.in; OutputStream out = cipher.seal(System.out)) {
                in.transferTo(out);
            }
        } else {
            try (InputStream in = cipher.open(System.in); OutputStream out = System.out) {
                in.transferTo(out);
            }
        }
    }
}
