package id.dukcapil.portal.staff.internal;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in staff member: besides the username and roles, what every screen and audit entry shows
 * of them. Taken at sign-in; a change of roles takes effect at the next sign-in.
 */
public class StaffPrincipal extends User {

    private final long accountId;
    private final String fullName;
    private final String servicePointCode;
    private final String servicePointName;

    StaffPrincipal(StaffAccountEntity account, boolean nonLocked, Collection<? extends GrantedAuthority> authorities) {
        super(account.username(), account.passwordHash(), account.active(), true, true, nonLocked, authorities);
        this.accountId = account.id();
        this.fullName = account.fullName();
        this.servicePointCode = account.servicePoint().code();
        this.servicePointName = account.servicePoint().name();
    }

    public long accountId() {
        return accountId;
    }

    public String fullName() {
        return fullName;
    }

    public String servicePointCode() {
        return servicePointCode;
    }

    public String servicePointName() {
        return servicePointName;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
