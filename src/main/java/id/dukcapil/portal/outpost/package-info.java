/**
 * The outpost node (issue 53, decision 199): the same portal on a field team's laptop, with its own embedded
 * database, takes a school visit from the Dinas while it has a connection, lets the team work through SOP D's steps
 * without one, and brings every change back as a signed bundle that the Dinas applies once. The Dinas's side (the
 * checkout, the refusal meanwhile, the check-in, the reconciliation list) is the {@code schoolvisit} module's.
 */
@ApplicationModule(allowedDependencies = {"audit", "population", "recording", "recording :: desk-forms", "schoolvisit", "schoolvisit :: certificate", "shared :: *", "staff"})
@NullMarked
package id.dukcapil.portal.outpost;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
