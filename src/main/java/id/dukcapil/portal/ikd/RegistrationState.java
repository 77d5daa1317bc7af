package id.dukcapil.portal.ikd;

/** Where an IKD activation stands (SOP E). */
public enum RegistrationState {
    REGISTERED, FACE_FAILED, NEEDS_OFFICER, FACE_PASSED, PIN_SENT, ACTIVATED, LOCKED, RETRY_LATER, REFERRED, EXPIRED, ARCHIVED;

    public String labelKey() {
        return "ikd.state." + name();
    }
}
