package id.dukcapil.portal.booking;

import java.util.Locale;

/** Signed-in citizens for tests of the parts that only hold one (only {@link CitizenAccounts} makes them). */
public final class CitizenSessions {

    private CitizenSessions() {
    }

    public static CitizenSession of(long citizenId, String fullName) {
        return new CitizenSession(citizenId, fullName, "citizen" + citizenId + "@example.id", Locale.of("id"));
    }
}
