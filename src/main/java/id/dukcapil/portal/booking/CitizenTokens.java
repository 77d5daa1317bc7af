package id.dukcapil.portal.booking;

import id.dukcapil.portal.booking.internal.CitizenStore;
import id.dukcapil.portal.booking.internal.CitizenStore.Citizen;
import id.dukcapil.portal.booking.internal.VerifiedTokens;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.shared.tx.WriteRetries;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The citizens' API tokens: issued at sign-in, believed while valid, ended by a sign-out or a password reset. Only
 * their SHA-256 is stored; a token verified in the last seconds is believed without a read (decision 092).
 */
@Service
public class CitizenTokens {

    public static final Duration TOKEN_VALIDITY = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CitizenStore citizens;
    private final VerifiedTokens verifiedTokens;
    private final WriteRetries retries;
    private final Clock clock;

    CitizenTokens(CitizenStore citizens, VerifiedTokens verifiedTokens, WriteRetries retries, Clock clock) {
        this.citizens = citizens;
        this.verifiedTokens = verifiedTokens;
        this.retries = retries;
        this.clock = clock;
    }

    /** A bearer token for the API, valid {@link #TOKEN_VALIDITY}. */
    @Transactional
    public ApiToken issueToken(CitizenSession session) {
        String token = newSecret();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(TOKEN_VALIDITY).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        citizens.insertToken(Sha256.hex(token), session.citizenId(), now, expiresAt);
        return new ApiToken(token, expiresAt);
    }

    /**
     * The citizen a bearer token belongs to, while it is valid. Asked on every API call: a token verified in the
     * last seconds is believed (decision 092), otherwise one plain read, without the round trips a transaction costs.
     */
    public Optional<CitizenSession> byToken(String token) {
        String hash = Sha256.hex(token);
        Instant now = clock.instant();
        Optional<CitizenSession> known = verifiedTokens.owner(hash, now);
        if (known.isPresent()) {
            return known;
        }
        // Read again on a new connection if this one was killed (decision 186): the phone's request is not refused for it.
        return retries.read(() -> citizens.tokenOwner(hash, now)).map(owner -> {
            CitizenSession session = sessionOf(owner.citizen());
            verifiedTokens.verified(hash, session, owner.expiresAt(), now);
            return session;
        });
    }

    @Transactional
    public void revoke(String token) {
        String hash = Sha256.hex(token);
        citizens.deleteToken(hash);
        // Now and once the deletion is committed: a call in between may have read the token back in.
        verifiedTokens.forget(hash);
        afterCommit(() -> verifiedTokens.forget(hash));
    }

    /** Every token of the account ends (a password reset): now, and once the deletion is committed. */
    public void endAllOf(long citizenId) {
        citizens.deleteTokensOf(citizenId);
        verifiedTokens.forgetCitizen(citizenId);
        afterCommit(() -> verifiedTokens.forgetCitizen(citizenId));
    }

    static CitizenSession sessionOf(Citizen citizen) {
        return new CitizenSession(citizen.id(), citizen.fullName(), citizen.email(), CitizenAccounts.locale(citizen));
    }

    /** 32 random bytes, base64url: an API token, a registration attempt's handle. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
