package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.staff.StaffForm;
import id.dukcapil.portal.shared.Role;
import java.time.Clock;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a staff account for sign-in. A locked account is reported locked, so Spring Security refuses it
 * before even checking the password.
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
        // Bounded at the edge: no account has a longer name, so it is refused like any unknown one, unqueried.
        if (username.strip().length() > StaffForm.USERNAME_MAX_LENGTH) {
            throw new UsernameNotFoundException("No staff account with a name that long");
        }
        StaffAccountEntity account = accounts.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("No staff account " + username));
        return new StaffPrincipal(account, !account.lockedAt(clock.instant()),
                account.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
    }
}
