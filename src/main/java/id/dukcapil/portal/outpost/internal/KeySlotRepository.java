package id.dukcapil.portal.outpost.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** The data key's slots, one per officer who can open it. */
public interface KeySlotRepository extends JpaRepository<KeySlotEntity, String> {
}
