package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.Family;
import java.util.List;

/** A family of the demo population with the cards printed for its members. */
public record GeneratedFamily(Family family, List<Card> cards) {

    public record Card(long residentId, CardPrint print) {
    }
}
