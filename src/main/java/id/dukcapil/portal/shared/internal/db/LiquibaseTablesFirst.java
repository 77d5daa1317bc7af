package id.dukcapil.portal.shared.internal.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Makes Liquibase's own two tables before Liquibase runs, so that nodes starting together on an empty database take
 * turns on Liquibase's lock instead of racing to create it (decision 120). Left to Liquibase, two nodes both found no
 * table and one died on "Table 'DATABASECHANGELOG' already exists", or both initialised the lock table, the second
 * deleting the first's lock. {@code CREATE TABLE IF NOT EXISTS} and {@code INSERT IGNORE} are safe to run on every
 * node at once; from then on Liquibase's lock row lets one node migrate while the others wait.
 * <p>
 * The change log gets the primary key Liquibase does not give it, (ID, AUTHOR, FILENAME), which identifies a change
 * set in Liquibase's own terms: Galera refuses writes to a table without one under {@code wsrep_mode =
 * REQUIRED_PRIMARY_KEY}. A change log made by an earlier start gets the key once. The columns are exactly Liquibase
 * 5.0's (its {@code CreateDatabaseChangeLogTableGenerator}), so Liquibase finds nothing to alter; {@code
 * LiquibaseTablesFirstTests} compares them with the tables Liquibase makes itself.
 */
@Component
class LiquibaseTablesFirst implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(LiquibaseTablesFirst.class);
    /** MariaDB's "Multiple primary key defined": another node added the key first. */
    private static final int PRIMARY_KEY_EXISTS = 1068;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
            try {
                prepare(liquibase.getDataSource(),
                        Objects.requireNonNullElse(liquibase.getDatabaseChangeLogTable(), "DATABASECHANGELOG"),
                        Objects.requireNonNullElse(liquibase.getDatabaseChangeLogLockTable(), "DATABASECHANGELOGLOCK"));
            } catch (SQLException e) {
                throw new BeanInitializationException("Could not make Liquibase's tables before it runs", e);
            }
        }
        return bean;
    }

    /** Idempotent; run by every node at every start, before Liquibase. */
    static void prepare(DataSource dataSource, String changeLogTable, String lockTable) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS %s (
                        ID INT NOT NULL,
                        LOCKED TINYINT(1) NOT NULL,
                        LOCKGRANTED DATETIME NULL,
                        LOCKEDBY VARCHAR(255) NULL,
                        CONSTRAINT PK_%s PRIMARY KEY (ID))""".formatted(lockTable, lockTable));
            // The one lock row, present before any node looks: Liquibase initialises the table only when it is empty.
            sql.execute("INSERT IGNORE INTO %s (ID, LOCKED) VALUES (1, 0)".formatted(lockTable));
            sql.execute("""
                    CREATE TABLE IF NOT EXISTS %s (
                        ID VARCHAR(255) NOT NULL,
                        AUTHOR VARCHAR(255) NOT NULL,
                        FILENAME VARCHAR(255) NOT NULL,
                        DATEEXECUTED DATETIME NOT NULL,
                        ORDEREXECUTED INT NOT NULL,
                        EXECTYPE VARCHAR(10) NOT NULL,
                        MD5SUM VARCHAR(35) NULL,
                        DESCRIPTION VARCHAR(255) NULL,
                        COMMENTS VARCHAR(255) NULL,
                        TAG VARCHAR(255) NULL,
                        LIQUIBASE VARCHAR(20) NULL,
                        CONTEXTS VARCHAR(255) NULL,
                        LABELS VARCHAR(255) NULL,
                        DEPLOYMENT_ID VARCHAR(10) NULL,
                        PRIMARY KEY (ID, AUTHOR, FILENAME))""".formatted(changeLogTable));
            if (!hasPrimaryKey(connection, changeLogTable)) {
                try {
                    sql.execute("ALTER TABLE %s ADD PRIMARY KEY (ID, AUTHOR, FILENAME)".formatted(changeLogTable));
                    log.info("Liquibase's {} got its primary key (ID, AUTHOR, FILENAME)", changeLogTable);
                } catch (SQLException e) {
                    if (e.getErrorCode() != PRIMARY_KEY_EXISTS) {
                        throw e;
                    }
                }
            }
        }
    }

    private static boolean hasPrimaryKey(Connection connection, String table) throws SQLException {
        try (var query = connection.prepareStatement("""
                SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_TYPE = 'PRIMARY KEY'""")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }
}
