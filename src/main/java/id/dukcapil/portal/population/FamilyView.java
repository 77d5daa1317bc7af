package id.dukcapil.portal.population;

import java.util.List;
import java.util.Map;

/**
 * A family card as the lookup shows it, with its region names and each member's printed cards.
 *
 * @param kkNumber whole or masked, like the members' NIKs
 * @param cards    per resident id, oldest first
 */
public record FamilyView(long id, String kkNumber, Address address, String villageName, String districtName,
                         List<ResidentView> members, Map<Long, List<CardPrint>> cards) {

    public FamilyView {
        members = List.copyOf(members);
        cards = Map.copyOf(cards);
    }

    public List<CardPrint> cardsOf(ResidentView member) {
        return cards.getOrDefault(member.id(), List.of());
    }
}
