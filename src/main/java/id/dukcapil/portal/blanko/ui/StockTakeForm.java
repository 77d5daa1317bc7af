package id.dukcapil.portal.blanko.ui;

import org.jspecify.annotations.Nullable;

/** What the stock-take form holds: the cards counted, and why the ledger differs. Public for the binder. */
public record StockTakeForm(@Nullable Integer counted, String reason) {
}
