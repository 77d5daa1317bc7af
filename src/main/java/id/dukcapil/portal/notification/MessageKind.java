package id.dukcapil.portal.notification;

/**
 * What a message is for, apart from its template: a channel chooses by it and a recipient's choices apply by it (an
 * opt-out stops reminders and turn notices, never a one-time code or the ticket of a booking just made).
 */
public enum MessageKind {
    /** The answer to something the recipient or an officer just did: a code, a ticket, a QR code and PIN. */
    SERVICE,
    /** Sent on a schedule ahead of something the recipient has to do: a booking tomorrow, a PIN about to expire. */
    REMINDER,
    /** A queue moved: the recipient's number is nearly called. */
    TURN,
    /**
     * A code that proves the recipient holds the phone it is sent to (decision 182): the one secret that goes by SMS,
     * to that phone only, never by e-mail, and outside the phone's daily cap.
     */
    PROOF
}
