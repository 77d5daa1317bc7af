package id.dukcapil.portal.booking;

import java.io.Serializable;
import java.util.Locale;

/**
 * A signed-in citizen. Only {@link CitizenAccounts} makes one (after checking a password or a bearer token), so a
 * service that takes it knows who is asking: the citizen-side guard, as roles are the staff side's.
 */
public final class CitizenSession implements Serializable {

    private final long citizenId;
    private final String fullName;
    private final String email;
    private final Locale locale;

    CitizenSession(long citizenId, String fullName, String email, Locale locale) {
        this.citizenId = citizenId;
        this.fullName = fullName;
        this.email = email;
        this.locale = locale;
    }

    public long citizenId() {
        return citizenId;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public Locale locale() {
        return locale;
    }

    /** How the booking and audit tables name the citizen. */
    public String owner() {
        return "citizen:" + citizenId;
    }
}
