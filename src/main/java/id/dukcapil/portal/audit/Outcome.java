package id.dukcapil.portal.audit;

/** How an audited action ended. */
public enum Outcome {
    SUCCESS,
    /** The action was tried and failed (a wrong password, a failed delivery). */
    FAILURE,
    /** A rule refused the action (no permission, a locked account, a full quota). */
    REFUSED
}
