/**
 * The local adapter of the population registry (JDBC on the population tables) and the demo population generator.
 */
@NullMarked
package id.dukcapil.portal.population.internal;

import org.jspecify.annotations.NullMarked;
