package id.dukcapil.portal.staff;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.staff.internal.ServicePointEntity;
import id.dukcapil.portal.staff.internal.ServicePointRepository;
import id.dukcapil.portal.staff.internal.StaffAccountEntity;
import id.dukcapil.portal.staff.internal.StaffAccountRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Field officers' accounts carried with a piece of work to an outpost node (issue 53 item 5, decision 199): the
 * Dinas hands out its team's accounts with the work (name and password hash, never a password), the outpost makes them
 * its own for as long as it holds the work, so each officer signs in there offline with their own Dinas password, and
 * closes them when the work went back (a password nobody knows in place of the Dinas's). A stolen laptop between two pieces of work opens to nobody's password; an
 * account made on the outpost itself (its administrator) is never touched.
 */
@Service
public class CarriedAccounts {

    /** How the portal's password encoder writes a hash: what a carried account's hash must be. */
    static final String HASHED_AS = "{bcrypt}";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The roles an account has at a recording point's desks: the only ones a point's day carries (SOP C). */
    static final Set<Role> DESK_ROLES = Set.of(Role.REGISTRATION_OPERATOR, Role.RECORDING_OPERATOR);

    /**
     * An account as an outpost carries it: a field officer's with a school visit, a desk operator's with a recording
     * point's day ({@code roles}, the role names it has there; none said: a field officer).
     */
    public record Carried(String username, String fullName, String passwordHash, Set<String> roles) {

        public Carried {
            roles = roles == null || roles.isEmpty() ? Set.of(Role.FIELD_OFFICER.name()) : Set.copyOf(roles);
        }

        /** A field officer's account. */
        public Carried(String username, String fullName, String passwordHash) {
            this(username, fullName, passwordHash, Set.of());
        }

        @Override
        public String toString() {
            return "Carried[" + username + "]"; // the hash stays out of every log line
        }
    }

    private final StaffAccountRepository accounts;
    private final ServicePointRepository servicePoints;
    private final AuditLog auditLog;
    private final Clock clock;
    private final PasswordEncoder passwordEncoder;
    private final boolean outpost;

    CarriedAccounts(StaffAccountRepository accounts, ServicePointRepository servicePoints, AuditLog auditLog,
                    Clock clock, PasswordEncoder passwordEncoder,
                    @Value("${portal.outpost.enabled:false}") boolean outpost) {
        this.passwordEncoder = passwordEncoder;
        this.outpost = outpost;
        this.accounts = accounts;
        this.servicePoints = servicePoints;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * At the Dinas: the accounts of these usernames that may go with a piece of work — active field officers whose
     * password is their own (not one an administrator reset and they have not changed yet).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.FIELD_OFFICER + "')")
    public List<Carried> of(Collection<String> usernames) {
        List<Carried> carried = new ArrayList<>();
        for (String username : usernames) {
            accounts.findByUsername(username)
                    // A field officer only: an account that is also an administrator or a planner stays at the Dinas.
                    .filter(account -> account.active() && !account.mustChangePassword()
                            && account.roles().equals(Set.of(Role.FIELD_OFFICER)))
                    .ifPresent(account -> carried.add(new Carried(account.username(), account.fullName(),
                            account.passwordHash())));
        }
        return carried;
    }

    /**
     * At the Dinas: the accounts a recording point's day goes out with (SOP C on an outpost, decision 200) — the
     * point's active accounts whose password is their own and whose roles are its desks' only (an account that is
     * also an administrator or a planner stays at the Dinas).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.REGISTRATION_OPERATOR + "')")
    public List<Carried> deskOperatorsOf(String pointCode) {
        return accounts.ofPoint(pointCode).stream()
                .filter(account -> account.active() && !account.mustChangePassword() && !account.roles().isEmpty()
                        && DESK_ROLES.containsAll(account.roles()))
                .map(account -> new Carried(account.username(), account.fullName(), account.passwordHash(),
                        account.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet())))
                .toList();
    }

    /**
     * At the Dinas: the usernames of every account of the point with a desk's role, active or not — the operators
     * whose steps a point's day brought back may be (an operator who left since is still who acted then).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + Roles.REGISTRATION_OPERATOR + "','" + Roles.RECORDING_OPERATOR + "')")
    public List<String> deskOperatorNamesAt(String pointCode) {
        return accounts.ofPoint(pointCode).stream()
                .filter(account -> account.roles().stream().anyMatch(DESK_ROLES::contains))
                .map(StaffAccountEntity::username).toList();
    }

    /**
     * On an outpost: each carried account made or opened here for the work, a field officer at the outpost's point
     * with the Dinas's password. An account of the same name made here (not carried) stays as it is.
     *
     * @return the usernames carried for the work (to close when it goes back)
     */
    @Transactional
    @PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.REGISTRATION_OPERATOR + "','"
            + Roles.RECORDING_OPERATOR + "','" + Roles.ADMIN + "')")
    public List<String> adopt(Collection<Carried> team, String work) {
        refuseUnlessOutpost();
        List<String> adopted = new ArrayList<>();
        for (Carried member : team) {
            if (!member.username().matches(StaffForm.USERNAME_PATTERN)
                    || !member.passwordHash().startsWith(HASHED_AS)) {
                continue; // a package is data: only a name this portal gives and a hash it makes
            }
            Optional<StaffAccountEntity> existing = accounts.findForUpdateByUsername(member.username());
            if (existing.isPresent() && existing.get().carriedFor() == null) {
                continue; // the outpost's own account (or, on a Dinas, the Dinas's): not the work's to change
            }
            Set<Role> roles = carriedRoles(member);
            if (roles.isEmpty()) {
                continue; // only a field officer's or a desk's roles travel: never an administrator's
            }
            StaffAccountEntity account = existing.orElseGet(() -> new StaffAccountEntity(member.username(),
                    member.fullName(), member.passwordHash(), point(), roles, clock.instant()));
            account.carried(member.fullName(), member.passwordHash(), roles, work, clock.instant());
            accounts.saveAndFlush(account);
            adopted.add(member.username());
            auditLog.record(AuditRecord.success("staff.account.carried", "StaffAccount", member.username())
                    .withDetail("work=" + work));
        }
        return adopted;
    }

    /**
     * On an outpost: the work went back; the accounts carried for it sign in here no more (their password becomes one
     * nobody knows), while the session that sent the work back goes on to show the Dinas's answer.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('" + Roles.FIELD_OFFICER + "','" + Roles.REGISTRATION_OPERATOR + "','"
            + Roles.RECORDING_OPERATOR + "','" + Roles.ADMIN + "')")
    public void release(Collection<String> usernames, String work) {
        refuseUnlessOutpost();
        for (String username : usernames) {
            accounts.findForUpdateByUsername(username).filter(account -> work.equals(account.carriedFor()))
                    .ifPresent(account -> {
                        byte[] random = new byte[32];
                        RANDOM.nextBytes(random);
                        account.released(passwordEncoder.encode(HexFormat.of().formatHex(random)), clock.instant());
                        accounts.saveAndFlush(account);
                        auditLog.record(AuditRecord.success("staff.account.released", "StaffAccount", username)
                                .withDetail("work=" + work));
                    });
        }
    }

    /** The roles a carried account has here: a field officer's, or a desk's, and nothing else a package may say. */
    private static Set<Role> carriedRoles(Carried member) {
        Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (String name : member.roles()) {
            java.util.Arrays.stream(Role.values()).filter(role -> role.name().equals(name))
                    .filter(role -> role == Role.FIELD_OFFICER || DESK_ROLES.contains(role)).forEach(roles::add);
        }
        return roles;
    }

    /** Accounts come and go with work only on an outpost node: a Dinas's own accounts are its administrator's. */
    private void refuseUnlessOutpost() {
        if (!outpost) {
            throw new IllegalStateException("Accounts are carried only on an outpost node (portal.outpost.enabled)");
        }
    }

    private ServicePointEntity point() {
        return servicePoints.findByCode(ServicePoint.DINAS)
                .orElseThrow(() -> new IllegalStateException("No service point " + ServicePoint.DINAS + " here"));
    }
}
