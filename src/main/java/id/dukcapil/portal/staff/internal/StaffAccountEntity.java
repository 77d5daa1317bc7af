package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.StaffAccount;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A staff account: its sign-in state (failed sign-ins, the lock) and what an admin edits. A sign-in try is counted
 * in one statement before the password is checked ({@link SignInTries#reserveSignInTry}, decision 175): a counter
 * under contention, written past the persistence context. {@code version} is the row's as read; a write on an older
 * one is refused (two admins).
 */
@Entity
@Table(name = "staff_account")
public class StaffAccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String username;
    private String fullName;
    private @Nullable String email;
    private @Nullable String nip;
    private String passwordHash;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "service_point_id")
    private ServicePointEntity servicePoint;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles;
    private boolean active = true;
    private boolean mustChangePassword;
    private int failedSignIns;
    private @Nullable Instant lockedUntil;
    private @Nullable Instant lastSignInAt;
    private @Nullable Instant previousSignInAt;
    private Instant passwordChangedAt;
    private Instant createdAt;
    private @Nullable String carriedFor;
    @Version
    private long version;

    protected StaffAccountEntity() {
        this.username = "";
        this.fullName = "";
        this.passwordHash = "";
        this.servicePoint = new ServicePointEntity();
        this.roles = EnumSet.noneOf(Role.class);
        this.passwordChangedAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    public StaffAccountEntity(String username, String fullName, String passwordHash, ServicePointEntity servicePoint,
                              Set<Role> roles, Instant now) {
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.servicePoint = servicePoint;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.passwordChangedAt = now.truncatedTo(ChronoUnit.MILLIS); // as the column keeps it: see accessStamp()
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public StaffAccount toRecord() {
        return new StaffAccount(id(), username, fullName, email, nip, servicePoint.toRecord(), roles, active,
                mustChangePassword, lockedUntil, lastSignInAt, previousSignInAt, version);
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public void signedIn(Instant now) {
        failedSignIns = 0;
        lockedUntil = null;
        previousSignInAt = lastSignInAt;
        lastSignInAt = now;
    }

    public void unlock() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void changePassword(String newHash, Instant now, boolean mustChangeAtNextSignIn) {
        this.passwordHash = newHash;
        // As the column keeps it (DATETIME(3)): the access stamp of this entity, handed to the sessions when the
        // change commits, is then the one every later read of the row gives.
        this.passwordChangedAt = now.truncatedTo(ChronoUnit.MILLIS);
        this.mustChangePassword = mustChangeAtNextSignIn;
    }

    public void update(String username, String fullName, @Nullable String email, @Nullable String nip,
                       ServicePointEntity servicePoint, Set<Role> roles, boolean active) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.nip = nip;
        this.servicePoint = servicePoint;
        this.roles.retainAll(roles);
        this.roles.addAll(roles);
        this.active = active;
    }

    /**
     * On an outpost: the account as the Dinas has it, carried for a piece of work and open while the outpost holds
     * it. Its password is the Dinas's (its hash as the Dinas keeps it).
     */
    public void carried(String fullName, String passwordHash, Set<Role> carriedRoles, String work, Instant now) {
        this.fullName = fullName;
        this.roles.clear();
        this.roles.addAll(carriedRoles);
        if (!passwordHash.equals(this.passwordHash)) {
            changePassword(passwordHash, now, false);
        }
        this.carriedFor = work;
        this.active = true;
    }

    /**
     * On an outpost: the work it was carried for went back. Its password is no longer the Dinas's but one nobody knows
     * (a hash of random bytes): no one signs in with it again, and the Dinas's hash leaves the laptop. The account
     * stays open for the session that sent the work back, so its officer reads the Dinas's answer; carried again with
     * the next work, it takes the Dinas's password again.
     */
    public void released(String unusableHash, Instant now) {
        changePassword(unusableHash, now, false);
    }

    public @Nullable String carriedFor() {
        return carriedFor;
    }

    public void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean active() {
        return active;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Set<Role> roles() {
        return roles;
    }

    public ServicePoint servicePoint() {
        return servicePoint.toRecord();
    }

    public long version() {
        return version;
    }

    @Nullable String email() {
        return email;
    }

    @Nullable String nip() {
        return nip;
    }

    int failedSignIns() {
        return failedSignIns;
    }

    @Nullable Instant lockedUntil() {
        return lockedUntil;
    }

    @Nullable Instant lastSignInAt() {
        return lastSignInAt;
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    /**
     * What a signed-in session was granted on, in one value: whether the account is active, its name, roles and
     * service point, and an administrator's password reset. A session whose stamp is no longer the account's ends
     * ({@link StaffSessions}, issue 52 item 6). The user's own password change is not in it: their session goes on.
     */
    public String accessStamp() {
        return Sha256.hex(String.join("|", Boolean.toString(active), username,
                roles.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(",")),
                servicePoint.code(), mustChangePassword ? passwordChangedAt.toString() : ""));
    }
}
