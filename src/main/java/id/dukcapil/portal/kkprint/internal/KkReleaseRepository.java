package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.kkprint.ReleaseState;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** The QR + PIN releases ({@code kkprint_release}); their changes go through {@link KkReleaseEntity}'s methods. */
public interface KkReleaseRepository extends JpaRepository<KkReleaseEntity, Long> {

    /** The release for this QR content, locked until the transaction ends: PIN attempts on it queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from KkReleaseEntity r where r.qrContent = :qrContent")
    Optional<KkReleaseEntity> findLockedByQrContent(String qrContent);

    Optional<KkReleaseEntity> findFirstByRequestIdOrderByIdDesc(long requestId);

    /** The request's releases still usable (at most one, but a race of two resends is not assumed away), locked. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from KkReleaseEntity r where r.requestId = :requestId and r.state in :states")
    List<KkReleaseEntity> findLockedByRequestIdAndStateIn(long requestId, Collection<ReleaseState> states);

    /** Active releases past their expiry, oldest first. */
    @Query("""
            select r from KkReleaseEntity r where r.state = id.dukcapil.portal.kkprint.ReleaseState.ACTIVE
            and r.expiresAt < :now order by r.expiresAt""")
    List<KkReleaseEntity> expired(Instant now, Limit limit);

    /** Active releases that expire before {@code before} and whose holder has not been reminded, oldest first. */
    @Query("""
            select r from KkReleaseEntity r where r.state = id.dukcapil.portal.kkprint.ReleaseState.ACTIVE
            and r.remindedAt is null and r.expiresAt >= :now and r.expiresAt < :before order by r.expiresAt""")
    List<KkReleaseEntity> expiringUnreminded(Instant now, Instant before, Limit limit);

    /** Claims the reminder of a release: false if another run (another node) sent it first. */
    @Transactional
    @Modifying
    @Query("update KkReleaseEntity r set r.remindedAt = :at where r.id = :id and r.remindedAt is null")
    int markReminded(long id, Instant at);
}
