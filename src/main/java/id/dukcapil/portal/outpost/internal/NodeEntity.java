package id.dukcapil.portal.outpost.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * This outpost node ({@code outpost_node}, one row): its own key, made at its first take, by which the Dinas tells it
 * from another laptop of the same name.
 */
@Entity
@Table(name = "outpost_node")
public class NodeEntity implements Persistable<Integer> {

    /** The one row's id. */
    public static final int THIS_NODE = 1;

    @Id
    private int id;
    private String nodeKey;
    private Instant madeAt;
    private transient boolean fresh;

    protected NodeEntity() {
        this.nodeKey = "";
        this.madeAt = Instant.EPOCH;
    }

    private NodeEntity(String nodeKey, Instant madeAt) {
        this.id = THIS_NODE;
        this.nodeKey = nodeKey;
        this.madeAt = madeAt;
        this.fresh = true;
    }

    /** A new key for this node. */
    public static NodeEntity made(Instant at) {
        return new NodeEntity(UUID.randomUUID().toString(), at);
    }

    @Override
    public Integer getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public String key() {
        return nodeKey;
    }
}
