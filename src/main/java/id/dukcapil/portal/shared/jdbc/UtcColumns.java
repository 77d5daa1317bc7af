package id.dukcapil.portal.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Instants in DATETIME columns: every store keeps UTC wall-clock time (the database's time zone never enters), so
 * an instant goes in as its UTC {@link LocalDateTime} and comes back from one. Statically imported by the stores.
 */
public final class UtcColumns {

    private UtcColumns() {
    }

    /** The column value of an instant. A null stays null (an optional column). */
    public static @Nullable LocalDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    public static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        return instantOrNull(rs.getObject(column, LocalDateTime.class));
    }

    public static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        return instantOrNull(rs.getObject(column, LocalDateTime.class));
    }

    private static @Nullable Instant instantOrNull(@Nullable LocalDateTime utc) {
        return utc == null ? null : instant(utc);
    }

    /** A column read as a {@link Timestamp}: its wall-clock time is UTC. */
    public static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    public static @Nullable Instant instantOrNull(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : instant(timestamp);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
