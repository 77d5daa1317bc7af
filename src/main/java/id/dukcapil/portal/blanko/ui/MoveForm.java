package id.dukcapil.portal.blanko.ui;

import id.dukcapil.portal.blanko.StockSummary;
import org.jspecify.annotations.Nullable;

/**
 * What the stock form holds for a line of cards in or out: how many, the delivery's number or the transfer's note,
 * and where a transfer goes. Public for the binder's reflection, not for other modules.
 */
public record MoveForm(@Nullable Integer quantity, String reference, @Nullable StockSummary transferTo) {
}
