package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.shared.Finding;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The verifier's view of a request: the family as the registry has it now, beside what was asked, with every
 * problem found.
 *
 * @param family          empty if the card no longer exists in the registry
 * @param problems        what stands against verifying it (empty: nothing found)
 * @param flaggedMembers  resident ids of members with a problem (not eligible, duplicate record, changed)
 * @param changes         what changed in the family since the request came in
 */
public record Review(RequestDetail request, Optional<Family> family, List<Finding> problems, Set<Long> flaggedMembers,
                     List<Finding> changes) {

    public Review {
        problems = List.copyOf(problems);
        flaggedMembers = Set.copyOf(flaggedMembers);
        changes = List.copyOf(changes);
    }
}
