/**
 * The resident lookup view of the desk roles.
 */
@NullMarked
package id.dukcapil.portal.population.ui;

import org.jspecify.annotations.NullMarked;
