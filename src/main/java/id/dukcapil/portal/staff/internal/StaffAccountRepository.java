package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.shared.Role;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Staff accounts ({@code staff_account}), each with its service point and its roles ({@code staff_account_role}).
 * A save over a version another save replaced is refused with an {@code OptimisticLockingFailureException} (two
 * admins).
 */
public interface StaffAccountRepository extends JpaRepository<StaffAccountEntity, Long>, SignInTries {

    Optional<StaffAccountEntity> findByUsername(String username);

    boolean existsByUsername(String username);

    /**
     * The account, its row locked to the end of the transaction: concurrent sign-ins are settled one after the
     * other, none lost.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from StaffAccountEntity a where a.username = :username")
    Optional<StaffAccountEntity> findForUpdateByUsername(String username);

    /** A page of the accounts whose username or name is like the lower-case pattern (any, without one), by name. */
    @Query("""
            select a from StaffAccountEntity a
            where :like is null or lower(a.username) like :like or lower(a.fullName) like :like""")
    Slice<StaffAccountEntity> search(@Nullable String like, Pageable page);

    long countByActiveTrue();

    long countByLockedUntilAfter(Instant now);

    /** The username and full name of each of the usernames that is an account. */
    @Query("select a.username as username, a.fullName as fullName from StaffAccountEntity a "
            + "where a.username in :usernames")
    List<Name> namesOf(Collection<String> usernames);

    /** The username and full name of the active accounts with any of the roles, in name order. */
    @Query("""
            select distinct a.username as username, a.fullName as fullName from StaffAccountEntity a join a.roles r
            where r in :roles and a.active = true order by a.fullName, a.username""")
    List<Name> activeNamesWithAnyRole(Collection<Role> roles);

    /** The e-mail addresses of the active accounts with the role, in order. */
    @Query("""
            select distinct a.email from StaffAccountEntity a join a.roles r
            where r = :role and a.active = true and a.email is not null order by a.email""")
    List<String> activeEmailsWithRole(Role role);

    /** The accounts of a service point, by its code, in username order. */
    @Query("select a from StaffAccountEntity a where a.servicePoint.code = :code order by a.username")
    List<StaffAccountEntity> ofPoint(String code);

    /** An account's username and full name. */
    interface Name {
        String getUsername();

        String getFullName();
    }
}
