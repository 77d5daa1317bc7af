package id.dukcapil.portal.population;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a resident's KTP-el record stands in the national lifecycle: recorded at a desk (biometrics captured),
 * sent to the central enrolment (ABIS de-duplication), and then ready to print, failed, or found to duplicate
 * another record.
 */
public enum EnrolmentStatus {
    NOT_RECORDED, BIOMETRICS_CAPTURED, SENT_FOR_ENROLMENT, ENROLMENT_FAILED, DUPLICATE_RECORD, PRINT_READY;

    /** The moves the lifecycle allows; a duplicate record is settled centrally, never here. */
    public Set<EnrolmentStatus> next() {
        return switch (this) {
            case NOT_RECORDED -> EnumSet.of(BIOMETRICS_CAPTURED);
            case BIOMETRICS_CAPTURED -> EnumSet.of(SENT_FOR_ENROLMENT);
            case SENT_FOR_ENROLMENT -> EnumSet.of(PRINT_READY, ENROLMENT_FAILED, DUPLICATE_RECORD);
            case ENROLMENT_FAILED -> EnumSet.of(BIOMETRICS_CAPTURED);
            case DUPLICATE_RECORD -> EnumSet.noneOf(EnrolmentStatus.class);
            // A new recording replaces an old one (changed biometrics, a damaged record).
            case PRINT_READY -> EnumSet.of(BIOMETRICS_CAPTURED);
        };
    }

    public boolean canMoveTo(EnrolmentStatus target) {
        return next().contains(target);
    }

    public String labelKey() {
        return "population.enrolment." + name();
    }
}
