package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nodes starting together on an empty database (issue 40): each runs Liquibase as the portal does, behind {@link
 * LiquibaseTablesFirst}. On a server of its own with an empty database, not the suite's.
 */
class LiquibaseTablesFirstTests {

    static final String CHANGE_LOG = "classpath:db/liquibase-together/changelog.yaml";
    static EmptyDatabaseServer server;
    static DataSource dataSource;
    JdbcTemplate jdbc;

    @BeforeAll
    static void startAnEmptyServer() {
        server = new EmptyDatabaseServer();
        dataSource = server.dataSource;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void emptyTheDatabase() {
        jdbc = server.emptied();
    }

    @Test
    void two_nodes_started_together_on_an_empty_database_both_start_and_the_change_log_runs_once() throws Exception {
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                starts.add(nodes.submit(() -> {
                    together.await();
                    startAsThePortalDoes();
                    return null;
                }));
            }
            together.countDown();
            for (Future<?> start : starts) {
                start.get(); // a node that died would throw here
            }
        } finally {
            nodes.shutdown();
        }

        assertThat(jdbc.queryForList("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED", String.class))
                .containsExactly("together-1", "together-2", "together-3");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM together_thing", Long.class)).isEqualTo(1);
        assertThat(primaryKey("DATABASECHANGELOG")).containsExactly("ID", "AUTHOR", "FILENAME");
        assertThat(jdbc.queryForObject("SELECT LOCKED FROM DATABASECHANGELOGLOCK WHERE ID = 1", Boolean.class))
                .as("the lock given back").isFalse();
    }

    @Test
    void a_change_log_an_earlier_start_made_without_a_primary_key_gets_one_once_and_keeps_its_rows() throws Exception {
        liquibaseAlone();
        assertThat(primaryKey("DATABASECHANGELOG")).as("Liquibase's own table has none").isEmpty();

        startAsThePortalDoes();
        startAsThePortalDoes();

        assertThat(primaryKey("DATABASECHANGELOG")).containsExactly("ID", "AUTHOR", "FILENAME");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Long.class)).isEqualTo(3);
    }

    @Test
    void the_tables_made_first_have_exactly_the_columns_liquibase_makes_itself() throws Exception {
        liquibaseAlone();
        Map<String, List<Map<String, Object>>> liquibases = columns();
        emptyTheDatabase();

        LiquibaseTablesFirst.prepare(dataSource, "DATABASECHANGELOG", "DATABASECHANGELOGLOCK");

        assertThat(columns()).isEqualTo(liquibases);
    }

    private void startAsThePortalDoes() throws Exception {
        SpringLiquibase liquibase = liquibase();
        new LiquibaseTablesFirst().postProcessBeforeInitialization(liquibase, "liquibase");
        liquibase.afterPropertiesSet();
    }

    private void liquibaseAlone() throws Exception {
        liquibase().afterPropertiesSet();
    }

    private static SpringLiquibase liquibase() {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(CHANGE_LOG);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        return liquibase;
    }

    private List<String> primaryKey(String table) {
        return jdbc.queryForList("""
                SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY'
                ORDER BY ORDINAL_POSITION""", String.class, table);
    }

    /** Each Liquibase table's columns as the server describes them, keys aside. */
    private Map<String, List<Map<String, Object>>> columns() {
        return Map.of("DATABASECHANGELOG", columns("DATABASECHANGELOG"),
                "DATABASECHANGELOGLOCK", columns("DATABASECHANGELOGLOCK"));
    }

    private List<Map<String, Object>> columns(String table) {
        return jdbc.queryForList("""
                SELECT COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, CHARACTER_SET_NAME,
                       COLLATION_NAME
                FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
                ORDER BY ORDINAL_POSITION""", table);
    }
}
