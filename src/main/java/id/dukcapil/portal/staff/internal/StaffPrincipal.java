package id.dukcapil.portal.staff.internal;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in staff member: besides the username and roles, what every screen and audit entry shows
 * of them. Taken at sign-in, with the account's {@link StaffAccountEntity#accessStamp() access stamp}: when an
 * administrator deactivates the account or changes its roles, name, service point or password, the session ends
 * ({@link StaffSessions}).
 */
public class StaffPrincipal extends User {

    private final long accountId;
    private final String fullName;
    private final String servicePointCode;
    private final String servicePointName;
    private final String accessStamp;

    StaffPrincipal(StaffAccountEntity account, boolean nonLocked, Collection<? extends GrantedAuthority> authorities) {
        super(account.username(), account.passwordHash(), account.active(), true, true, nonLocked, authorities);
        this.accountId = account.id();
        this.fullName = account.fullName();
        this.servicePointCode = account.servicePoint().code();
        this.servicePointName = account.servicePoint().name();
        this.accessStamp = account.accessStamp();
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

    String accessStamp() {
        return accessStamp;
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
