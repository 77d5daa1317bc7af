package id.dukcapil.portal.blanko.internal;

import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link BalanceRows} in SQL: an upsert for cards in, a conditional update for cards out. */
class BalanceRowsImpl implements BalanceRows {

    private final JdbcClient jdbc;

    BalanceRowsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
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

    @Override
    public int balanceForUpdate(String servicePoint) {
        jdbc.sql("INSERT IGNORE INTO blanko_balance (service_point, balance) VALUES (?, 0)").param(servicePoint).update();
        return jdbc.sql("SELECT balance FROM blanko_balance WHERE service_point = ? FOR UPDATE").param(servicePoint)
                .query(Integer.class).single();
    }

    @Override
    public int balance(String servicePoint) {
        return jdbc.sql("SELECT balance FROM blanko_balance WHERE service_point = ?").param(servicePoint)
                .query(Integer.class).optional().orElse(0);
    }
}
