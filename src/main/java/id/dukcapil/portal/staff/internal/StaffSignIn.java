package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.shared.web.ClientAddress;
import id.dukcapil.portal.staff.StaffForm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Staff sign-in (decision 175): the one {@link AuthenticationProvider} of the portal, so every sign-in takes this path.
 * A try is reserved before any password is checked, as the citizens' sign-in does (decision 122): first the client
 * address's (a count shared by every node), then the name's (the account's row, or an unknown name's), each in one
 * statement that commits at once. Tries sent together queue only on those statements, never on a password hash, and
 * no more than the limit are ever checked; at the limit the answer is "locked" without a hash. A right password gives
 * the client's try back and starts the name afresh.
 *
 * <p>An unknown name and a deactivated account are answered alike: the same reservation, the same hash (of nothing
 * anyone types), "wrong username or password", then "locked" after as many tries. Only the audit log tells them apart.
 */
@Component
class StaffSignIn implements AuthenticationProvider {

    private final StaffAccountRepository accounts;
    private final UnknownNameLockout unknownNames;
    private final SignInAttempts attempts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Throttle clientFailures;
    private final int maxFailures;
    private final Duration lockout;
    /**
     * A hash of nothing anyone types: a name without an active account costs the work a real one does. Made at its
     * first use, not in the constructor: a hash is a tenth of a second of the start's main thread (issue 37).
     */
    private final SingletonSupplier<String> noPassword;

    @SuppressWarnings("java:S107") // the rules' three settings beside the collaborators
    StaffSignIn(StaffAccountRepository accounts, UnknownNameLockout unknownNames, SignInAttempts attempts,
                PasswordEncoder encoder, Throttles throttles, Clock clock,
                @Value("${portal.security.max-failed-sign-ins:5}") int maxFailures,
                @Value("${portal.security.lockout:15m}") Duration lockout,
                @Value("${portal.security.max-failed-sign-ins-per-client:20}") int maxFailuresPerClient) {
        this.accounts = accounts;
        this.unknownNames = unknownNames;
        this.attempts = attempts;
        this.encoder = encoder;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        // Shared (decision 122): a node's own count would give an address as many tries as there are nodes.
        this.clientFailures = throttles.of("staff.sign-in.client", Limit.of(maxFailuresPerClient, lockout));
        this.noPassword = SingletonSupplier.of(() -> encoder.encode(UUID.randomUUID().toString()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = claimedName(authentication);
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String client = ClientAddress.current().orElse("");
        if (!clientFailures.tryTake(client)) {
            throw attempts.refused(name, new LockedException("Too many failed sign-ins from this client address"),
                    "too many failed sign-ins from this client address");
        }
        try {
            return checked(name, password, client);
        } catch (AuthenticationException answered) {
            throw answered; // a wrong password keeps its try; a locked name and a success gave theirs back
        } catch (RuntimeException failed) {
            // The database failed, not the password (a deadlock, a lost connection): the try is not the client's.
            clientFailures.giveBack(client);
            throw failed;
        }
    }

    private Authentication checked(String name, String password, String client) {
        Instant now = clock.instant();
        // Bounded at the edge: no account has a longer name, so it is counted like any unknown one, unqueried.
        Optional<StaffAccountEntity> account = name.length() > StaffForm.USERNAME_MAX_LENGTH ? Optional.empty()
                : accounts.findByUsername(name);
        SignInTry tried = account.map(found -> accounts.reserveSignInTry(found.id(), now, maxFailures, lockout))
                .orElseGet(() -> unknownNames.reserve(name, now));
        if (tried == SignInTry.LOCKED) {
            clientFailures.giveBack(client); // no password checked: a locked name costs its client nothing
            LockedException locked = new LockedException("Locked");
            throw attempts.refused(name, locked, locked.getClass().getSimpleName());
        }
        Optional<StaffAccountEntity> active = account.filter(StaffAccountEntity::active);
        boolean right = encoder.matches(password, active.map(StaffAccountEntity::passwordHash)
                .orElseGet(noPassword::obtain));
        if (!right || active.isEmpty()) {
            attempts.failed(name, account, tried == SignInTry.LAST_CHECK ? now.plus(lockout) : null, maxFailures);
            throw new BadCredentialsException("Bad credentials");
        }
        clientFailures.giveBack(client);
        StaffPrincipal principal = attempts.signedIn(name);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private static String claimedName(Authentication authentication) {
        String name = authentication.getName();
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
