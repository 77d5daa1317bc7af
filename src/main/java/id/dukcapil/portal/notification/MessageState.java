package id.dukcapil.portal.notification;

/** Where a message is on its way to the recipient's mail server. */
public enum MessageState {
    /** Waiting for its first attempt. */
    PENDING,
    /** Claimed by a sender run, which is handing it to the mail server now. */
    SENDING,
    /** The mail server accepted it. */
    SENT,
    /** The last attempt failed before the server could accept it; another attempt is due at its time. */
    RETRY,
    /** Refused for good (the server's 5xx answer), or out of attempts. ADMIN may send it again. */
    FAILED,
    /**
     * The sender stopped (crash, lost connection) while handing it over: it may or may not have arrived. Never
     * sent again by itself (at most once, decision 020); ADMIN may send it again after checking.
     */
    UNCERTAIN,
    /**
     * A newer notice of the same thing (a booking's ticket after another move) took its place while it waited, before
     * any attempt: never sent (decision 182).
     */
    REPLACED;

    /** Whether ADMIN may send it again. */
    public boolean resendable() {
        return this == FAILED || this == UNCERTAIN;
    }
}
