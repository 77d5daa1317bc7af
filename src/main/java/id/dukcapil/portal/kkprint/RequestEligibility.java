package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import java.util.Optional;

/**
 * Maps the population module's SOP B rule ({@link Eligibility#kkPrintRequest}) to the API's stable codes: not on
 * that card, or on it in a place that may not ask.
 */
public final class RequestEligibility {

    private RequestEligibility() {
    }

    public static Optional<KkPrintRefusal.Code> refusal(Resident requester, Family family) {
        if (Eligibility.kkPrintRequest(requester, family).eligible()) {
            return Optional.empty();
        }
        return Optional.of(!requester.familyId().equals(family.id()) ? KkPrintRefusal.Code.NOT_IN_FAMILY
                : KkPrintRefusal.Code.RELATIONSHIP_NOT_ALLOWED);
    }
}
