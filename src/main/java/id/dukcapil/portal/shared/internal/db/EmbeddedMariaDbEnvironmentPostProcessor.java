package id.dukcapil.portal.shared.internal.db;

import id.dukcapil.portal.shared.internal.db.EmbeddedMariaDb.EmbeddedDbSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With no database configured ({@code DB_URL} or {@code spring.datasource.url}), starts the embedded MariaDB
 * before any bean is created and points the data source at it. Running before the context means the data
 * source, Liquibase and JPA need no special wiring: they see an ordinary MariaDB URL. The server starts while the
 * context is made; {@link EmbeddedMariaDbBeforeFirstConnection} waits for it before the first connection.
 */
class EmbeddedMariaDbEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            return;
        }
        List<String> serverArgs = new java.util.ArrayList<>(serverArgs(env.getProperty("portal.embedded-db.server-args", "")));
        if (StringUtils.hasText(env.getProperty("portal.backup.dir"))) {
            // The binary log for the backups (decision 184): row by row, kept 8 days on the server (copied at once).
            serverArgs.addAll(List.of("--log-bin=binlog", "--server-id=1", "--binlog-format=ROW",
                    "--expire-logs-days=8"));
        }
        EmbeddedDbSettings settings = new EmbeddedDbSettings(
                Path.of(env.getProperty("portal.embedded-db.data-dir", "data/mariadb")),
                Path.of(env.getProperty("portal.embedded-db.base-dir", "data/mariadb-server")),
                env.getProperty("portal.embedded-db.port", Integer.class, 0),
                env.getProperty("portal.embedded-db.ephemeral", Boolean.class, false),
                serverArgs,
                Binder.get(env).bind("portal.embedded-db.start-timeout", Duration.class)
                        .orElse(EmbeddedMariaDb.DEFAULT_START_TIMEOUT));
        String restore = env.getProperty("restore");
        if (StringUtils.hasText(restore)) {
            // java -jar portal.jar --restore=<backup> [--until=<time>] (decision 184): before the first connection.
            EmbeddedRestore.restore(env, settings, restore, env.getProperty("until"));
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.startOnce(settings);
        env.getPropertySources().addFirst(new MapPropertySource("embeddedMariaDb", Map.of(
                "spring.datasource.url", db.jdbcUrl(),
                "spring.datasource.username", EmbeddedMariaDb.APP_USER,
                "spring.datasource.password", db.credentials().appPassword(),
                // This JVM is the database's only client: what it finds held at its start, a killed run held.
                EmbeddedMariaDb.ACTIVE_PROPERTY, "true")));
    }

    private static List<String> serverArgs(String args) {
        return Arrays.stream(args.split("\\s+")).filter(StringUtils::hasText).toList();
    }

    /** After the configuration files have been read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
