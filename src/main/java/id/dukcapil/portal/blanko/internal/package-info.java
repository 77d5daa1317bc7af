/**
 * The ledger table and the per-point balance row that makes "never negative" one conditional update.
 */
@NullMarked
package id.dukcapil.portal.blanko.internal;

import org.jspecify.annotations.NullMarked;
