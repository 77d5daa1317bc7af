package id.dukcapil.portal.recording;

import id.dukcapil.portal.population.EnrolmentStatus;

/**
 * What the registration desk does with a resident whose documents are in order, from what the population register
 * says of their KTP-el record (SOP C step 2). The register decides where it knows; the officer's iris/fingerprint
 * check only where it cannot: a resident the register calls "not recorded" may have been recorded elsewhere and
 * not yet be in the local extract.
 */
public enum RecordingNeed {
    /** Not recorded as far as the register knows: the officer's biometric check decides. */
    CHECK_BIOMETRICS,
    /** Recorded, but the central enrolment failed: recorded again, so queued (never sent home as "recorded"). */
    RECORD_AGAIN,
    /** The register knows a recording: the explanation, the documents back, no queue number. */
    ALREADY_RECORDED;

    public static RecordingNeed of(EnrolmentStatus status) {
        return switch (status) {
            case NOT_RECORDED -> CHECK_BIOMETRICS;
            case ENROLMENT_FAILED -> RECORD_AGAIN;
            case BIOMETRICS_CAPTURED, SENT_FOR_ENROLMENT, DUPLICATE_RECORD, PRINT_READY -> ALREADY_RECORDED;
        };
    }

    public String labelKey() {
        return "recording.need." + name();
    }
}
