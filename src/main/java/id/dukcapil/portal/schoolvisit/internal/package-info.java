/** The school-visit module's stores: schools, rosters, kits, leave, visits with their teams, handovers. */
@NullMarked
package id.dukcapil.portal.schoolvisit.internal;

import org.jspecify.annotations.NullMarked;
