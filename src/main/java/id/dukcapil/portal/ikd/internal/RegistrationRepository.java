package id.dukcapil.portal.ikd.internal;

import id.dukcapil.portal.ikd.RegistrationState;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The IKD registrations ({@code ikd_registration}); a new one is made by {@link RegistrationSql}. */
public interface RegistrationRepository extends JpaRepository<RegistrationEntity, Long>, RegistrationSql {

    Optional<RegistrationEntity> findByCode(String code);

    /**
     * The registration, its row locked to the end of the transaction: face checks, scans and PIN tries on it queue
     * up, each seeing what the one before it did (sixty PINs sent at once are counted one after another).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from RegistrationEntity r where r.code = :code")
    Optional<RegistrationEntity> findLockedByCode(String code);

    /** The state of the NIK's open or activated registration, if it has one. */
    @Query("select r.state from RegistrationEntity r where r.openNik = :nik")
    Optional<RegistrationState> stateOfNik(String nik);

    /**
     * The registrations of a service point waiting for an officer, oldest first: today's unfinished ones, and any
     * activation still to be archived.
     */
    @Query("""
            select r from RegistrationEntity r where r.servicePoint = :point
            and (r.state in :unfinished and r.registeredAt >= :startOfToday
                 or r.state = id.dukcapil.portal.ikd.RegistrationState.ACTIVATED)
            order by r.registeredAt""")
    List<RegistrationEntity> waiting(String point, Collection<RegistrationState> unfinished, Instant startOfToday,
                                     Limit limit);

    /** The unfinished registrations begun before the day started (all, or the NIK's), locked: each is expired. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select r from RegistrationEntity r where r.openNik is not null and r.registeredAt < :startOfToday
            and r.state in :unfinished and (:nik is null or r.openNik = :nik)""")
    List<RegistrationEntity> unfinishedBefore(Instant startOfToday, Collection<RegistrationState> unfinished,
                                              @Nullable String nik, Limit limit);
}
