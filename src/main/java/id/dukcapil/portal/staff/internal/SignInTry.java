package id.dukcapil.portal.staff.internal;

/**
 * What reserving a sign-in try for a name answered, before any password is checked: check it, check it as the
 * last try before the lock (the reservation locked the name; a right password lifts the lock again), or do not check
 * it at all, the name being locked.
 */
public enum SignInTry {
    CHECK, LAST_CHECK, LOCKED
}
