package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.sla.SopStep;

/** Where the field screen stands for a student of the visit not yet done; each is a timed step of SOP D. */
public enum FieldStep {
    /** Step 3: is the student recorded already? */
    STATUS(SopStep.D3_RECORDING_STATUS),
    /** Step 4: the registry's data against the birth certificate. */
    SIAK(SopStep.D4_SIAK_CHECK),
    /** Step 5: the registry differs and is being corrected from the birth certificate. */
    UPDATE(SopStep.D5_SIAK_UPDATE),
    /** Step 6: the recording. */
    RECORDING(SopStep.D6_RECORDING);

    private final SopStep step;

    FieldStep(SopStep step) {
        this.step = step;
    }

    public SopStep sopStep() {
        return step;
    }

    public String labelKey() {
        return "schoolvisit.field-step." + name();
    }
}
