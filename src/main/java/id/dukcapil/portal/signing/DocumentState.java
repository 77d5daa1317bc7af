package id.dukcapil.portal.signing;

/** Where a document stands. */
public enum DocumentState {
    /** Waiting for the Kepala Dinas. */
    QUEUED,
    SIGNED,
    /** Sent back to the verifier with a reason. */
    RETURNED,
    /** Signed, then withdrawn. */
    REVOKED;

    public String labelKey() {
        return "signing.state." + name();
    }
}
