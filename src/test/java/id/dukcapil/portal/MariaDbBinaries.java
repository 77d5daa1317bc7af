package id.dukcapil.portal;

import java.nio.file.Path;

/**
 * Where the tests' MariaDB binaries are unpacked: the folder the portal's own embedded server uses in this test JVM.
 * The suite runs in two JVMs at once (the pom's Surefire settings, decision 197), each with a folder of its own, so
 * that one never unpacks binaries over a server the other runs from.
 */
public final class MariaDbBinaries {

    public static final Path FOLDER = Path.of(System.getProperty("portal.embedded-db.base-dir", "target/mariadb-server"));

    private MariaDbBinaries() {
    }
}
