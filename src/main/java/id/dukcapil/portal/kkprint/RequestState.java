package id.dukcapil.portal.kkprint;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a KK print request stands. Open states hold the family card's one open request; the others close it, and
 * the citizen may then ask again.
 */
public enum RequestState {
    SUBMITTED, IN_CHECK, FORWARDED, RETURNED_TO_CITIZEN, VERIFIED, REJECTED, SIGNED, DELIVERED, PRINTED, EXPIRED,
    REVOKED;

    public static final Set<RequestState> CLOSED = EnumSet.of(RETURNED_TO_CITIZEN, REJECTED, PRINTED, EXPIRED, REVOKED);

    public boolean open() {
        return !CLOSED.contains(this);
    }

    public String labelKey() {
        return "kkprint.state." + name();
    }
}
