package id.dukcapil.portal.schoolvisit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A field team's day at a school, with its kit, its officers and the blank cards it took.
 *
 * @param kitName      the kit as people name it ("Set Perekaman 1 (Dinas)"): what every screen and report shows
 * @param cardsSpoiled blank cards spoiled in the field (an outpost's printer): used, and back at close as spoiled
 */
public record SchoolVisit(long id, long schoolId, String schoolName, String servicePoint, LocalDate day,
                          String kitCode, String kitName, VisitState state, List<String> team, int cardsTaken, int cardsPrinted,
                          int cardsSpoiled, @Nullable Instant letterSentAt) {

    /** The blank cards the team still holds unused: taken, less printed and spoiled in the field. */
    public int cardsLeft() {
        return cardsTaken - cardsPrinted - cardsSpoiled;
    }
}
