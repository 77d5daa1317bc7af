package id.dukcapil.portal.shared.internal.db;

import id.dukcapil.portal.shared.internal.db.EmbeddedMariaDb.EmbeddedDbSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * An embedded server of a test class's own, not the suite's, whose database each test empties: for the tests of how
 * nodes run Liquibase on a database nobody else touches.
 */
final class EmptyDatabaseServer implements AutoCloseable {

    private final Path folder;
    private final EmbeddedMariaDb server;
    final DataSource dataSource;

    EmptyDatabaseServer() {
        folder = Path.of("target/embedded-db-tests", "liquibase-" + UUID.randomUUID()).toAbsolutePath();
        server = EmbeddedMariaDb.start(new EmbeddedDbSettings(folder, EmbeddedMariaDbTests.BASE_DIR, 0, false,
                List.of(), EmbeddedMariaDb.DEFAULT_START_TIMEOUT));
        dataSource = new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), server.jdbcUrl(),
                EmbeddedMariaDb.APP_USER, server.credentials().appPassword());
    }

    /** Every table dropped, and Liquibase's per-JVM memory of an up-to-date change log on this URL forgotten. */
    JdbcTemplate emptied() {
        Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.queryForList("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
                String.class).forEach(table -> jdbc.execute("DROP TABLE " + table));
        return jdbc;
    }

    @Override
    public void close() {
        server.stop();
        FileSystemUtils.deleteRecursively(folder.toFile());
    }
}
