/**
 * Blank KTP-el card (blanko) stock per service point, kept as a ledger whose sum is the balance and never goes
 * below zero ({@link BlankoStock}).
 */
@ApplicationModule(allowedDependencies = {"audit", "shared :: *", "staff"})
@NullMarked
package id.dukcapil.portal.blanko;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
