package id.dukcapil.portal.population;

import id.dukcapil.portal.shared.KkNumber;
import java.util.List;
import java.util.Optional;

/**
 * A family card (Kartu Keluarga) with its members in card order.
 *
 * @param id the registry's own id of the family
 */
public record Family(FamilyId id, KkNumber kkNumber, Address address, List<Resident> members) {

    public Family {
        members = List.copyOf(members);
    }

    /** The kepala keluarga. */
    public Optional<Resident> head() {
        return members.stream().filter(member -> member.relationship() == Relationship.HEAD).findFirst();
    }
}
