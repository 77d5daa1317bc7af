package id.dukcapil.portal.blanko.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.blanko.MovementKind;
import id.dukcapil.portal.blanko.StockMovement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The ledger ({@code blanko_movement}) and each point's balance row ({@code blanko_balance}). The balance row is
 * changed in the same transaction as the ledger line, by one conditional update, so two clerks taking the last
 * card at once cannot both succeed: the balance is the ledger's sum and never below zero.
 */
@Component
public class LedgerStore {

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Changes the balance by {@code delta}, holding the row's lock until the transaction ends.
     *
     * @return the new balance, or empty when taking {@code -delta} cards would make it negative
     */
    public OptionalInt change(String servicePoint, int delta) {
        if (delta >= 0) {
            jdbc.sql("""
                    INSERT INTO blanko_balance (service_point, balance) VALUES (?, ?)
                    ON DUPLICATE KEY UPDATE balance = balance + VALUES(balance)""")
                    .params(servicePoint, delta).update();
        } else {
            int changed = jdbc.sql("UPDATE blanko_balance SET balance = balance + ? WHERE service_point = ? AND balance >= ?")
                    .params(delta, servicePoint, -delta).update();
            if (changed == 0) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(balance(servicePoint));
    }

    /** The balance, locked until the transaction ends (a stock-take compares against it). */
    public int balanceForUpdate(String servicePoint) {
        jdbc.sql("INSERT IGNORE INTO blanko_balance (service_point, balance) VALUES (?, 0)").param(servicePoint).update();
        return jdbc.sql("SELECT balance FROM blanko_balance WHERE service_point = ? FOR UPDATE").param(servicePoint)
                .query(Integer.class).single();
    }

    public int balance(String servicePoint) {
        return jdbc.sql("SELECT balance FROM blanko_balance WHERE service_point = ?").param(servicePoint)
                .query(Integer.class).optional().orElse(0);
    }

    public long insert(String servicePoint, MovementKind kind, int quantity, int balanceAfter,
                       @Nullable String reference, @Nullable String reason, Instant at, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO blanko_movement (service_point, kind, quantity, balance_after, reference, reason,
                    recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(servicePoint, kind.name(), quantity, balanceAfter, reference, reason, utc(at), by)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Newest first. */
    public List<StockMovement> history(String servicePoint, long offset, int limit) {
        return jdbc.sql("""
                SELECT id, service_point, kind, quantity, balance_after, reference, reason, recorded_at, recorded_by
                FROM blanko_movement WHERE service_point = ? ORDER BY id DESC LIMIT ? OFFSET ?""")
                .params(servicePoint, limit, offset)
                .query(LedgerStore::movement).list();
    }

    /** Cards printed or spoiled at the point since {@code from}. */
    public int usedSince(String servicePoint, Instant from) {
        return jdbc.sql("""
                SELECT COALESCE(-SUM(quantity), 0) FROM blanko_movement
                WHERE service_point = ? AND kind IN ('PRINTED', 'SPOILED') AND recorded_at >= ?""")
                .params(servicePoint, utc(from)).query(Integer.class).single();
    }

    /** The ledger's sum: what the balance row must always equal. */
    public int ledgerSum(String servicePoint) {
        return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM blanko_movement WHERE service_point = ?")
                .param(servicePoint).query(Integer.class).single();
    }

    /** What moved between the two instants, by kind: each kind's quantities summed, signed as the ledger keeps them. */
    public java.util.Map<MovementKind, Integer> movedBetween(String servicePoint, Instant from, Instant to) {
        java.util.Map<MovementKind, Integer> moved = new java.util.EnumMap<>(MovementKind.class);
        jdbc.sql("""
                SELECT kind, SUM(quantity) FROM blanko_movement WHERE service_point = ? AND recorded_at >= ?
                AND recorded_at < ? GROUP BY kind""")
                .params(servicePoint, utc(from), utc(to))
                .query(rs -> { moved.put(MovementKind.valueOf(rs.getString(1)), rs.getInt(2)); });
        return moved;
    }

    /** The balance at the end of the office-local day whose end is {@code before} (UTC): the last line before it. */
    public int balanceBefore(String servicePoint, Instant before) {
        return jdbc.sql("""
                SELECT balance_after FROM blanko_movement WHERE service_point = ? AND recorded_at < ?
                ORDER BY id DESC LIMIT 1""")
                .params(servicePoint, utc(before)).query(Integer.class).optional().orElse(0);
    }

    private static StockMovement movement(ResultSet rs, int row) throws SQLException {
        return new StockMovement(rs.getLong("id"), rs.getString("service_point"),
                MovementKind.valueOf(rs.getString("kind")), rs.getInt("quantity"), rs.getInt("balance_after"),
                rs.getString("reference"), rs.getString("reason"),
                rs.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("recorded_by"));
    }

}
