/**
 * The stock view: balance, history and how long the stock lasts, with receipts, transfers and stock-takes.
 */
@NullMarked
package id.dukcapil.portal.blanko.ui;

import org.jspecify.annotations.NullMarked;
