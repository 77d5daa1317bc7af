package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.booking.CitizenSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens found valid in the database, remembered for a second (decisions 092, 122): every API call asks whom
 * its token belongs to, and the answer seldom changes. A token this node ends (sign-out, a password reset) is
 * forgotten at once; one ended on another node is still accepted here for at most {@link #FOR} after that node's
 * commit (the time remembered from is taken before the read that found the token valid). Unknown tokens are never
 * remembered: each guess costs the guesser a read.
 */
@Component
public class VerifiedTokens {

    /**
     * How long a verified token is believed without asking the database again: a token revoked on any node is refused
     * by every node within this. The calls one screen of the app makes together, and a client's quick retries, still
     * cost one read; a token in steady use costs one read a second per node.
     */
    public static final Duration FOR = Duration.ofSeconds(1);
    /** Far above the tokens in use within {@link #FOR}; beyond it the expired ones go, then all. */
    static final int MAX = 20_000;

    private record Entry(CitizenSession owner, Instant until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The owner of the token (by its hash) if it was verified less than {@link #FOR} ago and has not expired. */
    public Optional<CitizenSession> owner(String tokenHash, Instant now) {
        Entry entry = entries.get(tokenHash);
        if (entry == null || !now.isBefore(entry.until())) {
            return Optional.empty();
        }
        return Optional.of(entry.owner());
    }

    /** Remembers a token just verified, no longer than it is valid. */
    public void verified(String tokenHash, CitizenSession owner, Instant expiresAt, Instant now) {
        if (entries.size() >= MAX) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= MAX) {
                entries.clear();
            }
        }
        Instant until = now.plus(FOR);
        entries.put(tokenHash, new Entry(owner, until.isBefore(expiresAt) ? until : expiresAt));
    }

    int size() {
        return entries.size();
    }

    public void forget(String tokenHash) {
        entries.remove(tokenHash);
    }

    public void forgetCitizen(long citizenId) {
        entries.values().removeIf(entry -> entry.owner().citizenId() == citizenId);
    }
}
