package id.dukcapil.portal.shared.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import liquibase.integration.commandline.LiquibaseCommandLineConfiguration;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.util.LiquibaseUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Liquibase runs only when the change log differs from the one last applied whole to this database (issue 37,
 * decision 154). Parsing and checking every change set took 0.8 s and a thousand classes of each restart. After a
 * successful update, {@code shared_change_log_applied} records the change log's fingerprint (every file of the
 * change log, Liquibase's version and settings) and Liquibase's own table as the update left it; a start that finds
 * both unchanged, and no node holding Liquibase's lock, skips it. Anything else runs Liquibase as before: a changed
 * or edited change set, another version's node, a change log table changed by hand or by a rollback, an empty
 * database. A wrong "changed" costs one ordinary run; a wrong "unchanged" cannot come from the record, which is
 * written only after an update that succeeded with this very change log on this very table.
 */
@Component
class LiquibaseOnlyOnChange implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(LiquibaseOnlyOnChange.class);
    private static final String RECORD_TABLE = "shared_change_log_applied";

    private final ResourcePatternResolver resources;
    /** The beans whose update runs, with the fingerprint to record once it has succeeded. */
    private final Map<String, String> running = new ConcurrentHashMap<>();

    LiquibaseOnlyOnChange() {
        this.resources = new PathMatchingResourcePatternResolver(LiquibaseOnlyOnChange.class.getClassLoader());
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null && !alwaysRuns(liquibase)) {
            String fingerprint = fingerprint(liquibase);
            try {
                Optional<String> applied = lastApplied(liquibase.getDataSource(), changeLogTable(liquibase),
                        lockTable(liquibase));
                if (applied.filter(fingerprint::equals).isPresent()) {
                    liquibase.setShouldRun(false);
                    log.info("Liquibase skipped: the change log is the one last applied to this database ({})",
                            fingerprint.substring(0, 12));
                } else {
                    running.put(beanName, fingerprint);
                }
            } catch (SQLException e) {
                throw new BeanInitializationException("Could not read which change log was last applied", e);
            }
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        String fingerprint = running.remove(beanName);
        if (fingerprint != null && bean instanceof SpringLiquibase liquibase && updateRan()) {
            try {
                record(Objects.requireNonNull(liquibase.getDataSource()), changeLogTable(liquibase), fingerprint);
            } catch (SQLException e) {
                throw new BeanInitializationException("Could not record the change log just applied", e);
            }
        }
        return bean;
    }

    /** Settings under which Liquibase does more than update: it runs every time, as configured. */
    private static boolean alwaysRuns(SpringLiquibase liquibase) {
        return liquibase.isDropFirst() || liquibase.isClearCheckSums() || liquibase.isTestRollbackOnUpdate();
    }

    /** Liquibase's global switch ({@code liquibase.shouldRun}) may have kept the update from running. */
    private static boolean updateRan() {
        return Boolean.TRUE.equals(LiquibaseCommandLineConfiguration.SHOULD_RUN.getCurrentValue());
    }

    /**
     * The record, if the change log table is as the last recorded update left it and no node holds Liquibase's
     * lock (one may be migrating to a newer change log: this node then waits for it as before).
     */
    static Optional<String> lastApplied(DataSource dataSource, String changeLogTable, String lockTable)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // Asked first, not failed on: the driver logs every error the server answers, and a first start is normal.
            if (!exists(connection, RECORD_TABLE) || !exists(connection, changeLogTable)
                    || !exists(connection, lockTable)) {
                return Optional.empty();
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT a.fingerprint, a.change_log_state = (%s) AS unchanged,
                           (SELECT LOCKED FROM %s WHERE ID = 1) AS locked
                    FROM %s a WHERE a.id = 1""".formatted(state(changeLogTable), lockTable, RECORD_TABLE));
                 ResultSet row = query.executeQuery()) {
                if (!row.next() || !row.getBoolean("unchanged") || row.getBoolean("locked")) {
                    return Optional.empty();
                }
                return Optional.of(row.getString("fingerprint"));
            }
        }
    }

    static void record(DataSource dataSource, String changeLogTable, String fingerprint) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, RECORD_TABLE)) {
                // A change log without the portal's shared change sets (a test's): never skipped, nothing to record.
                return;
            }
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO %s (id, fingerprint, change_log_state, applied_at)
                    SELECT 1, ?, (%s), UTC_TIMESTAMP(6)
                    ON DUPLICATE KEY UPDATE fingerprint = VALUES(fingerprint),
                        change_log_state = VALUES(change_log_state), applied_at = VALUES(applied_at)"""
                    .formatted(RECORD_TABLE, state(changeLogTable)))) {
                connection.setAutoCommit(true);
                upsert.setString(1, fingerprint);
                upsert.executeUpdate();
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Liquibase's table in a few characters: every update, rollback, sync or checksum clearing changes its row count,
     * its last deployment or its checksums.
     */
    private static String state(String changeLogTable) {
        return ("SELECT CONCAT(COUNT(*), '/', COALESCE(MAX(DEPLOYMENT_ID), ''), '/', COALESCE(MAX(ORDEREXECUTED), 0),"
                + " '/', SUM(MD5SUM IS NULL)) FROM %s").formatted(changeLogTable);
    }

    /**
     * SHA-256 of Liquibase's version, the bean's settings and every file in the master change log's folder and below
     * (the change sets it includes), by their path there. The data a custom change loads (the regions' CSV files) is
     * not Liquibase's to check either: it runs once, whatever the files say later.
     */
    String fingerprint(SpringLiquibase liquibase) {
        MessageDigest sha = sha256();
        List<@Nullable String> settings = Arrays.asList(LiquibaseUtil.getBuildVersion(), liquibase.getChangeLog(),
                liquibase.getContexts(), liquibase.getLabelFilter(), liquibase.getTag(), liquibase.getDefaultSchema(),
                liquibase.getLiquibaseSchema(), changeLogTable(liquibase));
        sha.update(String.valueOf(settings).getBytes(StandardCharsets.UTF_8));
        try {
            String master = resources.getResource(Objects.requireNonNull(liquibase.getChangeLog())).getURI().toString();
            String folder = master.substring(0, master.lastIndexOf('/') + 1);
            Map<String, Resource> files = new TreeMap<>();
            for (Resource file : resources.getResources(folder + "**")) {
                String uri = file.getURI().toString();
                if (file.isReadable() && uri.startsWith(folder)) {
                    files.put(uri.substring(folder.length()), file);
                }
            }
            for (Map.Entry<String, Resource> file : files.entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                try (InputStream in = file.getValue().getInputStream()) {
                    sha.update(in.readAllBytes());
                }
                sha.update((byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String changeLogTable(SpringLiquibase liquibase) {
        return Objects.requireNonNullElse(liquibase.getDatabaseChangeLogTable(), "DATABASECHANGELOG");
    }

    private static String lockTable(SpringLiquibase liquibase) {
        return Objects.requireNonNullElse(liquibase.getDatabaseChangeLogLockTable(), "DATABASECHANGELOGLOCK");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
