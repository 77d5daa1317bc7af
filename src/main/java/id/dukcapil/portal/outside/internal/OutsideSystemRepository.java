package id.dukcapil.portal.outside.internal;

import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.SystemState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * {@code outside_system}: one row per outside system, the cluster's state of it. Each change of state is one
 * conditional update, so of two nodes that see the same change at once one makes it (and audits it); a contact while
 * up only moves its time forward.
 */
public interface OutsideSystemRepository extends JpaRepository<OutsideSystemEntity, OutsideSystem> {

    /** The column's length: the failure's words are cut to it. */
    int FAILURE_MAX_LENGTH = 500;

    /** The row of a system the change sets did not know (a system added later): not contacted yet. */
    @Modifying
    @Query(value = "INSERT IGNORE INTO outside_system (system_name, status) VALUES (:system, 'NOT_CONTACTED')",
            nativeQuery = true)
    void ensure(String system);

    /** Up now, from away or never contacted: 1 when this call changed it. */
    @Modifying
    @Query("""
            update OutsideSystemEntity s set s.status = :up, s.awaySince = null, s.lastContact = :now, s.changedAt = :now
            where s.system = :system and s.status <> :up""")
    int up(OutsideSystem system, Instant now, SystemState.Status up);

    /** A contact while up: its time, unless a later one is already written. */
    @Modifying
    @Query("""
            update OutsideSystemEntity s set s.lastContact = :now
            where s.system = :system and (s.lastContact is null or s.lastContact < :now)""")
    int contact(OutsideSystem system, Instant now);

    /** Away now, from up or never contacted: 1 when this call changed it. */
    @Modifying
    @Query("""
            update OutsideSystemEntity s set s.status = :away, s.awaySince = :now, s.lastFailure = :failure,
            s.changedAt = :now where s.system = :system and s.status <> :away""")
    int away(OutsideSystem system, Instant now, String failure, SystemState.Status away);

    /** Still away: the newest failure's words. */
    @Modifying
    @Query("update OutsideSystemEntity s set s.lastFailure = :failure where s.system = :system and s.status = :away")
    int failure(OutsideSystem system, String failure, SystemState.Status away);

    default boolean up(OutsideSystem system, Instant now) {
        ensure(system.name());
        return up(system, now, SystemState.Status.UP) == 1;
    }

    default boolean away(OutsideSystem system, Instant now, String failure) {
        ensure(system.name());
        return away(system, now, failure, SystemState.Status.AWAY) == 1;
    }

    default void failure(OutsideSystem system, String failure) {
        failure(system, failure, SystemState.Status.AWAY);
    }

    /**
     * Every system's state as the table holds it now: records, not entities, so a caller's persistence context never
     * answers with a state read before another transaction changed it.
     */
    @Query("""
            select new id.dukcapil.portal.outside.SystemState(s.system, s.status, s.awaySince, s.lastFailure,
            s.lastContact) from OutsideSystemEntity s""")
    List<SystemState> states();

    @Query("""
            select new id.dukcapil.portal.outside.SystemState(s.system, s.status, s.awaySince, s.lastFailure,
            s.lastContact) from OutsideSystemEntity s where s.system = :system""")
    Optional<SystemState> read(OutsideSystem system);

    default SystemState state(OutsideSystem system) {
        return read(system).orElse(SystemState.notContacted(system));
    }
}
