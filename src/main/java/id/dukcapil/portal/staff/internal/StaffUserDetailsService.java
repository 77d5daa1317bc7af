package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.staff.StaffForm;
import id.dukcapil.portal.shared.Role;
import java.time.Clock;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Loads a staff account for sign-in. A locked account is reported locked, so Spring Security refuses it whatever the
 * password. A name without an account that failed as often is reported locked alike ({@link UnknownNameLockout}), by
 * a locked principal whose password nothing matches: the answer, and the work, do not tell whether the name exists.
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccountStore accounts;
    private final UnknownNameLockout unknownNames;
    private final Clock clock;
    /**
     * A hash of nothing anyone types: the locked unknown name's password check costs what a real one does. Made at
     * its first use, not in the constructor: a hash is a tenth of a second of the start's main thread (issue 37).
     */
    private final SingletonSupplier<String> noPassword;

    StaffUserDetailsService(StaffAccountStore accounts, UnknownNameLockout unknownNames, PasswordEncoder encoder,
                            Clock clock) {
        this.accounts = accounts;
        this.unknownNames = unknownNames;
        this.clock = clock;
        this.noPassword = SingletonSupplier.of(() -> encoder.encode(java.util.UUID.randomUUID().toString()));
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // Bounded at the edge: no account has a longer name, so it is refused like any unknown one, unqueried.
        if (username.strip().length() > StaffForm.USERNAME_MAX_LENGTH) {
            throw new UsernameNotFoundException("No staff account with a name that long");
        }
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.Optional<StaffAccountEntity> found = accounts.byUsername(name);
        if (found.isEmpty() && unknownNames.lockedAt(name, clock.instant())) {
            return User.withUsername(name).password(noPassword.obtain()).accountLocked(true).build();
        }
        StaffAccountEntity account = found.orElseThrow(() -> new UsernameNotFoundException("No staff account " + username));
        return new StaffPrincipal(account, !account.lockedAt(clock.instant()),
                account.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
    }
}
