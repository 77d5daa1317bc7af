package id.dukcapil.portal.booking;

import java.time.Instant;

/** A bearer token for the API; only its hash is stored. */
public record ApiToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "ApiToken[expiresAt=" + expiresAt + "]";
    }
}
