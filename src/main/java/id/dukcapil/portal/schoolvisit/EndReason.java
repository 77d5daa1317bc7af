package id.dukcapil.portal.schoolvisit;

/** Why SOP D ended for a student without a card from it ({@link StudentState#ENDED}). */
public enum EndReason {
    /**
     * A KTP-el was printed for the student already (at the Dinas, a counter, an earlier visit): a second card is a
     * replacement, another procedure, never SOP D's.
     */
    CARD_PRINTED_BEFORE,
    /** The central enrolment found the record a duplicate of another: settled centrally, never printed here. */
    DUPLICATE_RECORD,
    /** The central enrolment failed the recording: the student records again at an office (SOP C). */
    ENROLMENT_FAILED;

    public String labelKey() {
        return "schoolvisit.end-reason." + name();
    }
}
