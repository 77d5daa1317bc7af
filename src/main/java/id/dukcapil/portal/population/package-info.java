/**
 * The SIAK port: families, residents and their KTP-el enrolment status behind {@link
 * id.dukcapil.portal.population.PopulationRegistry}, the eligibility rules, and the resident lookup.
 */
@ApplicationModule(allowedDependencies = {"audit", "outside", "shared :: *"})
@NullMarked
package id.dukcapil.portal.population;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
