package id.dukcapil.portal.outpost;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A school visit this outpost took from the Dinas, as its screen shows it.
 *
 * @param dueBack  when the checkout's time runs out ({@code portal.outpost.max-out} after it): past it the outpost
 *                 takes no new step
 * @param waiting  the operations made here that the Dinas has not taken yet
 * @param sending  its bundle went to the Dinas and no answer came (the link dropped): no new step, the same bundle
 *                 goes again
 * @param answer   the Dinas's answer to the check-in, in words, once it is back
 */
public record TakenVisit(long checkoutId, URI dinas, long visitId, String schoolName, LocalDate day, String outpost,
                         String checkedOutBy, Instant checkedOutAt, Instant dueBack, int cardsOut, int cardsPrinted,
                         int cardsSpoiled, int waiting, boolean sending, boolean back, @Nullable String answer) {

    public int cardsLeft() {
        return cardsOut - cardsPrinted - cardsSpoiled;
    }
}
