package id.dukcapil.portal.outpost.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** This outpost node's one row. */
public interface NodeRepository extends JpaRepository<NodeEntity, Integer> {
}
