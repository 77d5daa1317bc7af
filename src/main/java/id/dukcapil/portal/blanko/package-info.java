/**
 * Blank KTP-el card (blanko) stock per service point, kept as a ledger whose sum is the balance and never goes
 * below zero ({@link BlankoStock}).
 */
@NullMarked
package id.dukcapil.portal.blanko;

import org.jspecify.annotations.NullMarked;
