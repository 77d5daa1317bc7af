package id.dukcapil.portal.staff.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import id.dukcapil.portal.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StaffAccountRepository extends JpaRepository<StaffAccountEntity, Long> {

    Optional<StaffAccountEntity> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Locks the row: concurrent failed sign-ins are counted one after the other, none lost. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from StaffAccountEntity a where a.username = :username")
    Optional<StaffAccountEntity> findByUsernameForUpdate(String username);

    @Query("""
            select a from StaffAccountEntity a
            where :text is null or lower(a.username) like :text or lower(a.fullName) like :text
            order by a.fullName, a.id""")
    Slice<StaffAccountEntity> search(@Nullable String text, Pageable page);

    long countByActiveTrue();

    List<StaffAccountEntity> findByUsernameIn(java.util.Collection<String> usernames);

    @Query("""
            select distinct a.email from StaffAccountEntity a join a.roles r
            where r = :role and a.active = true and a.email is not null order by a.email""")
    List<String> activeEmailsWithRole(Role role);

    @Query("""
            select distinct a from StaffAccountEntity a join a.roles r
            where r in :roles and a.active = true order by a.fullName""")
    List<StaffAccountEntity> activeWithAnyRole(java.util.Collection<Role> roles);

    @Query("select count(a) from StaffAccountEntity a where a.lockedUntil > :now")
    long countLockedAt(Instant now);
}
