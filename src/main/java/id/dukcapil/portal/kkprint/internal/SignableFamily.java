package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.RuleViolation;

/** The registry's family of a card about to be signed, refused if it cannot be. */
public final class SignableFamily {

    private SignableFamily() {
    }

    /**
     * The family must exist, and a card whose members' data contradict their NIKs is not signed (the verifier
     * settles it first): refused with {@code kkprint.sign.unknown} or {@code kkprint.sign.nik-disagreement}.
     */
    public static Family of(KkNumber kkNumber, PopulationRegistry registry) {
        Family family = registry.findFamily(kkNumber)
                .orElseThrow(() -> new RuleViolation("kkprint.sign.unknown", kkNumber.masked()));
        for (Resident member : family.members()) {
            if (!member.nikDisagreements().isEmpty()) {
                throw new RuleViolation("kkprint.sign.nik-disagreement", member.nik().masked());
            }
        }
        return family;
    }
}
