package id.dukcapil.portal.kkprint;

/** The two inboxes a request waits in: the operator's check (SOP B step 6) and the verification (step 7). */
public enum Inbox {
    OPERATOR, VERIFIER
}
