package id.dukcapil.portal.outpost;

import java.time.LocalDate;

/**
 * A visit of the officer's team today, as the Dinas offers it to be taken.
 *
 * @param state the Dinas's word for it: {@code UNDERWAY} can be taken, {@code PLANNED} not yet
 */
public record OfferedVisit(long id, String schoolName, LocalDate day, String state, int cardsLeft) {

    public boolean takeable() {
        return "UNDERWAY".equals(state);
    }
}
