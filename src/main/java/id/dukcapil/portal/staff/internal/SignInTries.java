package id.dukcapil.portal.staff.internal;

import java.time.Duration;
import java.time.Instant;

/** The sign-in counter under contention (decision 175), written in SQL beside the account's repository. */
public interface SignInTries {

    /**
     * Reserves a sign-in try for the account before its password is checked (decision 175): one conditional
     * statement, then a second only at the limit, each committing alone, so that tries sent together queue on the
     * row for a statement and never for a password hash. The try that reaches the limit locks the account itself:
     * a right password lifts the lock again, and a try whose node died is counted and never leaves the account at
     * its limit without an end. Moves the version on, as any write of the row does (an admin's save read before
     * is refused, never writes an old count over this one).
     */
    SignInTry reserveSignInTry(long id, Instant now, int maxFailures, Duration lockout);
}
