package id.dukcapil.portal.outpost.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** The outpost's data key wrapped with a key derived from one officer's password ({@code outpost_key_slot}). */
@Entity
@Table(name = "outpost_key_slot")
public class KeySlotEntity implements Persistable<String> {

    @Id
    private String username;
    private String salt;
    private int iterations;
    private String wrappedKey;
    private Instant createdAt;
    private transient boolean fresh;

    protected KeySlotEntity() {
        this.username = "";
        this.salt = "";
        this.wrappedKey = "";
        this.createdAt = Instant.EPOCH;
    }

    KeySlotEntity(String username, String salt, int iterations, String wrappedKey, Instant createdAt) {
        this.username = username;
        this.salt = salt;
        this.iterations = iterations;
        this.wrappedKey = wrappedKey;
        this.createdAt = createdAt;
        this.fresh = true;
    }

    @Override
    public String getId() {
        return username;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    String salt() {
        return salt;
    }

    int iterations() {
        return iterations;
    }

    String wrappedKey() {
        return wrappedKey;
    }
}
