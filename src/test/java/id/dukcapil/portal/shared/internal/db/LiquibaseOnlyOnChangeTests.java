package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A restart skips Liquibase only when the change log is the one last applied whole (decision 154): each start here
 * is the portal's, its two post-processors around Liquibase, on a server of its own.
 */
class LiquibaseOnlyOnChangeTests {

    static final String CHANGE_LOG = "classpath:db/liquibase-on-change/changelog.yaml";
    static final String NEXT_RELEASE = "classpath:db/liquibase-on-change/changelog-more.yaml";
    static EmptyDatabaseServer server;
    static DataSource dataSource;
    JdbcTemplate jdbc;
    final AtomicInteger runs = new AtomicInteger();

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
    void a_restart_on_the_change_log_last_applied_skips_liquibase_and_a_new_release_runs_it() throws Exception {
        start(CHANGE_LOG);
        start(CHANGE_LOG);
        assertThat(runs).as("the first start runs Liquibase, the restart does not").hasValue(1);

        start(NEXT_RELEASE);
        assertThat(runs).as("a new release's change log runs").hasValue(2);
        assertThat(tables()).contains("on_change_thing", "on_change_other");

        start(NEXT_RELEASE);
        assertThat(runs).hasValue(2);
        start(CHANGE_LOG);
        assertThat(runs).as("the previous release's node on the newer database: runs, and finds nothing to do")
                .hasValue(3);
    }

    @Test
    void a_change_log_table_changed_outside_the_portal_runs_liquibase_again() throws Exception {
        start(NEXT_RELEASE);
        // A rollback by hand: the last change set's table and its row gone.
        jdbc.execute("DROP TABLE on_change_other");
        jdbc.update("DELETE FROM DATABASECHANGELOG WHERE ID = 'on-change-2'");

        start(NEXT_RELEASE);

        assertThat(runs).hasValue(2);
        assertThat(tables()).contains("on_change_other");
    }

    @Test
    void while_a_node_holds_liquibases_lock_the_record_does_not_count() throws Exception {
        start(CHANGE_LOG);
        assertThat(LiquibaseOnlyOnChange.lastApplied(dataSource, "DATABASECHANGELOG", "DATABASECHANGELOGLOCK"))
                .isPresent();

        jdbc.update("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1 WHERE ID = 1");

        assertThat(LiquibaseOnlyOnChange.lastApplied(dataSource, "DATABASECHANGELOG", "DATABASECHANGELOGLOCK"))
                .as("a node may be migrating to a newer change log: wait for it as Liquibase does").isEmpty();
    }

    @Test
    void an_empty_database_has_no_record_and_the_fingerprint_follows_the_settings() throws Exception {
        assertThat(LiquibaseOnlyOnChange.lastApplied(dataSource, "DATABASECHANGELOG", "DATABASECHANGELOGLOCK"))
                .isEmpty();
        LiquibaseOnlyOnChange skip = new LiquibaseOnlyOnChange();
        SpringLiquibase liquibase = liquibase(CHANGE_LOG);
        String fingerprint = skip.fingerprint(liquibase);
        assertThat(skip.fingerprint(liquibase(CHANGE_LOG))).isEqualTo(fingerprint);
        liquibase.setContexts("demo");
        assertThat(skip.fingerprint(liquibase)).isNotEqualTo(fingerprint);
    }

    /** As the portal starts: its post-processors around Liquibase's own initialisation. */
    private void start(String changeLog) throws Exception {
        SpringLiquibase liquibase = liquibase(changeLog);
        liquibase.setCustomizer(ran -> runs.incrementAndGet());
        LiquibaseOnlyOnChange onlyOnChange = new LiquibaseOnlyOnChange();
        new LiquibaseTablesFirst().postProcessBeforeInitialization(liquibase, "liquibase");
        onlyOnChange.postProcessBeforeInitialization(liquibase, "liquibase");
        liquibase.afterPropertiesSet();
        onlyOnChange.postProcessAfterInitialization(liquibase, "liquibase");
        Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
    }

    private static SpringLiquibase liquibase(String changeLog) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(changeLog);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        return liquibase;
    }

    private List<String> tables() {
        return jdbc.queryForList("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
                String.class);
    }
}
