package id.dukcapil.portal.staff.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.jdbc.Slices;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Staff accounts ({@code staff_account}), each with its service point and its roles ({@code staff_account_role}). */
@Component
public class StaffAccountStore {

    private static final String SELECT = """
            SELECT a.id, a.username, a.full_name, a.email, a.nip, a.password_hash, a.active, a.must_change_password,
                   a.failed_sign_ins, a.locked_until, a.last_sign_in_at, a.password_changed_at, a.created_at, a.version,
                   p.id AS p_id, p.code AS p_code, p.name AS p_name, p.kind AS p_kind,
                   p.district_code AS p_district_code, p.address AS p_address,
                   (SELECT GROUP_CONCAT(r.role) FROM staff_account_role r WHERE r.account_id = a.id) AS roles
            FROM staff_account a JOIN staff_service_point p ON p.id = a.service_point_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    StaffAccountStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts a new account and its roles; the unique username refuses a second account of the name. */
    public void insert(StaffAccountEntity account) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO staff_account (username, full_name, email, nip, password_hash, service_point_id, active,
                    must_change_password, failed_sign_ins, locked_until, last_sign_in_at, password_changed_at, created_at,
                    version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(account.username(), account.fullName(), account.email(), account.nip(), account.passwordHash(),
                        account.servicePoint().id(), account.active(), account.mustChangePassword(),
                        account.failedSignIns(), utc(account.lockedUntil()), utc(account.lastSignInAt()),
                        utc(account.passwordChangedAt()), utc(account.createdAt()))
                .update(key, "id");
        account.inserted(key.getKeyAs(Number.class).longValue());
        insertRoles(account);
    }

    /**
     * Writes the account over the version it was read at, and its roles.
     *
     * @throws OptimisticLockingFailureException when the row was written meanwhile (another admin's save)
     */
    public void update(StaffAccountEntity account) {
        int written = jdbc.sql("""
                UPDATE staff_account SET username = ?, full_name = ?, email = ?, nip = ?, password_hash = ?,
                    service_point_id = ?, active = ?, must_change_password = ?, failed_sign_ins = ?, locked_until = ?,
                    last_sign_in_at = ?, password_changed_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(account.username(), account.fullName(), account.email(), account.nip(), account.passwordHash(),
                        account.servicePoint().id(), account.active(), account.mustChangePassword(),
                        account.failedSignIns(), utc(account.lockedUntil()), utc(account.lastSignInAt()),
                        utc(account.passwordChangedAt()), account.id(), account.version())
                .update();
        if (written == 0) {
            throw new OptimisticLockingFailureException("Staff account " + account.id() + " was written meanwhile");
        }
        account.written();
        jdbc.sql("DELETE FROM staff_account_role WHERE account_id = ?").param(account.id()).update();
        insertRoles(account);
    }

    private void insertRoles(StaffAccountEntity account) {
        batch.batchUpdate("INSERT INTO staff_account_role (account_id, role) VALUES (?, ?)", account.roles().stream()
                .map(role -> new Object[] {account.id(), role.name()}).toList());
    }

    public Optional<StaffAccountEntity> byId(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(StaffAccountStore::account).optional();
    }

    public Optional<StaffAccountEntity> byUsername(String username) {
        return jdbc.sql(SELECT + " WHERE a.username = ?").param(username).query(StaffAccountStore::account).optional();
    }

    /**
     * The account, its row locked to the end of the transaction: concurrent failed sign-ins are counted one after
     * the other, none lost. Only the account's row: a lock through the join would hold its service point's too.
     */
    public Optional<StaffAccountEntity> byUsernameForUpdate(String username) {
        return jdbc.sql("SELECT id FROM staff_account WHERE username = ? FOR UPDATE").param(username)
                .query(Long.class).optional().flatMap(this::byId);
    }

    /**
     * Reserves a sign-in try for the account before its password is checked (decision 175): one conditional
     * statement, then a second only at the limit, each committing alone, so that tries sent together queue on the
     * row for a statement and never for a password hash. The try that reaches the limit locks the account itself:
     * a right password lifts the lock again, and a try whose node died is counted and never leaves the account at
     * its limit without an end. Moves the version on, as any write of the row does (an admin's save read before
     * is refused, never writes an old count over this one).
     */
    SignInTry reserveSignInTry(long id, Instant now, int maxFailures, Duration lockout) {
        LocalDateTime at = utc(now);
        if (jdbc.sql("""
                UPDATE staff_account SET failed_sign_ins = failed_sign_ins + 1, version = version + 1
                WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) AND failed_sign_ins + 1 < ?""")
                .params(id, at, maxFailures).update() == 1) {
            return SignInTry.CHECK;
        }
        return jdbc.sql("""
                UPDATE staff_account SET failed_sign_ins = 0, locked_until = ?, version = version + 1
                WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) AND failed_sign_ins + 1 >= ?""")
                .params(utc(now.plus(lockout)), id, at, maxFailures).update() == 1 ? SignInTry.LAST_CHECK : SignInTry.LOCKED;
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_account WHERE username = ?)").param(username)
                .query(Boolean.class).single();
    }

    /** A page of the accounts whose username or name is like the pattern (any, without one), by name. */
    public Slice<StaffAccountEntity> search(@Nullable String lowerCaseLike, Pageable page) {
        String where = lowerCaseLike == null ? "" : " WHERE LOWER(a.username) LIKE :like OR LOWER(a.full_name) LIKE :like";
        var statement = jdbc.sql(SELECT + where + " ORDER BY a.full_name, a.id LIMIT :limit OFFSET :offset")
                .param("limit", page.getPageSize() + 1).param("offset", page.getOffset());
        if (lowerCaseLike != null) {
            statement = statement.param("like", lowerCaseLike);
        }
        return Slices.of(statement.query(StaffAccountStore::account).list(), page);
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_account").query(Long.class).single();
    }

    public long countActive() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE active").query(Long.class).single();
    }

    public long countLockedAt(Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE locked_until > ?").param(utc(now))
                .query(Long.class).single();
    }

    /** Username to full name of each of the usernames that is an account. */
    public Map<String, String> namesOf(Collection<String> usernames) {
        return jdbc.sql("SELECT username, full_name FROM staff_account WHERE username IN (:names)")
                .param("names", usernames)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Username to full name of the active accounts with any of the roles, in name order. */
    public Map<String, String> activeNamesWithAnyRole(Collection<Role> roles) {
        Map<String, String> names = new LinkedHashMap<>();
        if (roles.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                SELECT DISTINCT a.username, a.full_name FROM staff_account a
                JOIN staff_account_role r ON r.account_id = a.id
                WHERE r.role IN (:roles) AND a.active ORDER BY a.full_name, a.username""")
                .param("roles", roles.stream().map(Role::name).toList())
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** The e-mail addresses of the active accounts with the role, in order. */
    public List<String> activeEmailsWithRole(Role role) {
        return jdbc.sql("""
                SELECT DISTINCT a.email FROM staff_account a JOIN staff_account_role r ON r.account_id = a.id
                WHERE r.role = ? AND a.active AND a.email IS NOT NULL ORDER BY a.email""")
                .param(role.name()).query(String.class).list();
    }

    private static StaffAccountEntity account(ResultSet rs, int row) throws SQLException {
        return new StaffAccountEntity(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("nip"), rs.getString("password_hash"),
                ServicePointStore.servicePoint(rs, "p_"), roles(rs.getString("roles")), rs.getBoolean("active"),
                rs.getBoolean("must_change_password"), rs.getInt("failed_sign_ins"), instantOrNull(rs, "locked_until"),
                instantOrNull(rs, "last_sign_in_at"), instant(rs, "password_changed_at"), instant(rs, "created_at"),
                rs.getLong("version"));
    }

    private static Set<Role> roles(@Nullable String concatenated) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (concatenated != null) {
            Arrays.stream(concatenated.split(",")).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }
}
