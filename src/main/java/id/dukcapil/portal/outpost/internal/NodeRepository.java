package id.dukcapil.portal.outpost.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** This outpost node's one row. */
public interface NodeRepository extends JpaRepository<NodeEntity, Integer> {

    /** The node's row, locked: two takes of work at once (a visit and a day) meet here, one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from NodeEntity n where n.id = :id")
    Optional<NodeEntity> findLockedById(int id);
}
