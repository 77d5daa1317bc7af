package id.dukcapil.portal.blanko.internal;

import java.util.OptionalInt;

/**
 * Each point's balance row ({@code blanko_balance}), changed in the same transaction as its ledger line by one
 * conditional statement: two clerks taking the last card at once cannot both succeed, and the database's own check
 * refuses a negative stock. A read-change-write of an entity would need the row's lock or a retry for the same.
 */
public interface BalanceRows {

    /**
     * Changes the balance by {@code delta}, holding the row's lock until the transaction ends.
     *
     * @return the new balance, or empty when taking {@code -delta} cards would make it negative
     */
    OptionalInt change(String servicePoint, int delta);

    /** The balance, locked until the transaction ends (a stock-take compares against it). */
    int balanceForUpdate(String servicePoint);

    int balance(String servicePoint);
}
