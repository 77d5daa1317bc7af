package id.dukcapil.portal.schoolvisit;

import org.jspecify.annotations.Nullable;

/**
 * What a bundle's check-in did (issue 53): operations applied now, found applied before (the same bundle again, its
 * remainder after a crash), and put on the reconciliation list; the visit's blank cards accounted for; and the
 * entries of the outpost's log joined into the Dinas's (at the first check-in); the handover record prepared for the
 * cards printed at the school, if any (SOP D step 8: it waits for the Kepala Dinas's signature).
 */
public record CheckIn(long checkoutId, int applied, int alreadyApplied, int toReconcile, int cardsOut, int cardsUsed,
                      int cardsSpoiled, int cardsBroughtBack, int journalEntries, @Nullable String handover) {

    /** With the number of the handover record prepared for the cards the outpost printed. */
    public CheckIn withHandover(@Nullable String number) {
        return new CheckIn(checkoutId, applied, alreadyApplied, toReconcile, cardsOut, cardsUsed, cardsSpoiled,
                cardsBroughtBack, journalEntries, number);
    }

    /** Cards taken out and not accounted for (negative: more accounted for than taken); zero when they balance. */
    public int cardDifference() {
        return cardsOut - cardsUsed - cardsSpoiled - cardsBroughtBack;
    }

    /** The words for the cards' balance, a message key of the module's bundle with its arguments. */
    public String cardsKey() {
        return cardDifference() == 0 ? "schoolvisit.checkin.cards-balanced" : "schoolvisit.checkin.cards-differ";
    }

    public Object[] cardsArgs() {
        return new Object[] {cardsOut, cardsUsed, cardsSpoiled, cardsBroughtBack, cardDifference()};
    }
}
