package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffForm;
import java.time.Clock;
import java.util.Locale;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff account as Spring Security's user, for work done in a staff member's name without a sign-in (the demo's
 * data, {@code Acting}). Signing in does not come here: {@link StaffSignIn} is the portal's one authentication
 * provider, so no password is checked on this path (decision 175).
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccountRepository accounts;
    private final Clock clock;

    StaffUserDetailsService(StaffAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (username.strip().length() > StaffForm.USERNAME_MAX_LENGTH) {
            throw new UsernameNotFoundException("No staff account with a name that long");
        }
        StaffAccountEntity account = accounts.findByUsername(username.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("No staff account " + username));
        return new StaffPrincipal(account, !account.lockedAt(clock.instant()),
                account.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
    }
}
