package id.dukcapil.portal.recording;

/** Where a resident's visit stands (SOP C). */
public enum VisitState {
    /** At the registration desk: the documents are being checked. */
    CHECKING,
    /** The documents were in order: the biometric check in the national application. */
    BIOMETRIC_CHECK,
    DOCUMENTS_RETURNED,
    ALREADY_RECORDED,
    QUEUED,
    CALLED,
    ABSENT,
    /** The recording failed: back at the registration desk with the reason, to be queued again. */
    SENT_BACK,
    RECORDED,
    PROOF_HANDED,
    /** Still open when the day was closed (by the desk, or at night): the outcome is the state it was left in. */
    CLOSED;

    public String labelKey() {
        return "recording.state." + name();
    }

    /** The visit is over for the day (the register's outcome). */
    public boolean finished() {
        return this == DOCUMENTS_RETURNED || this == ALREADY_RECORDED || this == PROOF_HANDED || this == CLOSED;
    }
}
