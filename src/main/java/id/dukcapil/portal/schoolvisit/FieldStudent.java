package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Resident;
import java.util.List;

/**
 * A student of the day's roster on the field screen: where SOP D stands for them, the registry's data to hold
 * against the birth certificate, the KTP-el cards already printed for them (anywhere), and whether the card can be
 * printed on the day.
 */
public record FieldStudent(Student student, Resident resident, List<CardPrint> cardsPrinted, boolean seventeenOnDay,
                           boolean sixteenOnDay) {

    public EnrolmentStatus enrolmentStatus() {
        return resident.enrolmentStatus();
    }

    /** Recorded before (at a desk, an earlier visit): no new recording, straight onto the print list. */
    public static boolean recordedBefore(EnrolmentStatus status) {
        return status != EnrolmentStatus.NOT_RECORDED && status != EnrolmentStatus.ENROLMENT_FAILED;
    }
}
