package id.dukcapil.portal.schoolvisit;

/**
 * A school's figures: on the roster, recorded at school, recorded before, waiting, printed, handed over, corrected,
 * and ended without a card from SOP D (a card printed before, a record the centre settled). Of the students seen,
 * each is waiting, printed or ended: {@code recordedHere + alreadyRecorded = waiting + printed + ended}.
 */
public record SchoolFigures(long roster, long recordedHere, long alreadyRecorded, long waiting, long printed,
                            long handedOver, long corrected, long ended) {
}
