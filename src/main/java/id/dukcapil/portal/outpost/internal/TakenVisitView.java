package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.outpost.OutpostProperties;
import id.dukcapil.portal.outpost.TakenVisit;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import org.springframework.stereotype.Component;

/** A taken visit as the outpost's services answer it: with its cards, its operations and its time left. */
@Component
public class TakenVisitView {

    private final OperationRepository operations;
    private final OutpostProperties settings;

    TakenVisitView(OperationRepository operations, OutpostProperties settings) {
        this.operations = operations;
        this.settings = settings;
    }

    public TakenVisit of(TakenVisitEntity visit) {
        long printed = operations.countByCheckoutIdAndKind(visit.checkoutId(), Kind.CARD_PRINTED);
        long spoiled = operations.countByCheckoutIdAndKind(visit.checkoutId(), Kind.CARD_SPOILED);
        long waiting = operations.countByCheckoutId(visit.checkoutId());
        return new TakenVisit(visit.checkoutId(), visit.dinasUrl(), visit.visitId(), visit.schoolName(),
                visit.visitDay(), visit.outpost(), visit.checkedOutBy(), visit.checkedOutAt(),
                visit.checkedOutAt().plus(settings.maxOut()), visit.cardsOut(), (int) printed, (int) spoiled,
                (int) waiting, visit.status() == TakenVisitEntity.Status.SENDING,
                visit.status() == TakenVisitEntity.Status.BACK, visit.answer());
    }
}
