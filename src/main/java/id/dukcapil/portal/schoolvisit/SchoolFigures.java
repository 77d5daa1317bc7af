package id.dukcapil.portal.schoolvisit;

/** A school's figures: on the roster, recorded at school, recorded before, waiting, printed, handed over, corrected. */
public record SchoolFigures(long roster, long recordedHere, long alreadyRecorded, long waiting, long printed,
                            long handedOver, long corrected) {
}
