package id.dukcapil.portal.blanko;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a service point's ledger.
 *
 * @param quantity     signed: positive into the stock, negative out of it
 * @param balanceAfter the point's balance right after this line
 * @param reference    the delivery reference, the other service point of a transfer, or the booking code
 * @param reason       why (spoiled cards, stock-take corrections)
 */
public record StockMovement(long id, String servicePoint, MovementKind kind, int quantity, int balanceAfter,
                            @Nullable String reference, @Nullable String reason, Instant recordedAt,
                            String recordedBy) {

    public static final int REFERENCE_MAX_LENGTH = 100;
    public static final int REASON_MAX_LENGTH = 300;
    /** A single line moves at most this many cards: a typo guard, larger deliveries are several lines. */
    public static final int QUANTITY_MAX = 100_000;
}
