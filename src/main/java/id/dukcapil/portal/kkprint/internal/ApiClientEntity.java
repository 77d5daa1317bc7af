package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.kkprint.ApiClient;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sha256;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A system that calls the API with its own key ({@code kkprint_api_client}), kept as the SHA-256 of the key: a key
 * is 32 random bytes, so a fast hash is enough (nothing to guess), and a lookup by hash is one index probe per
 * request. Issued once, revoked once.
 */
@Entity
@Table(name = "kkprint_api_client")
public class ApiClientEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Enumerated(EnumType.STRING)
    private ApiClient.Kind kind;
    private String name;
    private @Nullable String location;
    private String keyHash;
    private String keyHint;
    private Instant createdAt;
    private String createdBy;
    private @Nullable Instant revokedAt;
    @Version
    private long version;

    protected ApiClientEntity() {
        this.kind = ApiClient.Kind.KIOSK;
        this.name = "";
        this.keyHash = "";
        this.keyHint = "";
        this.createdAt = Instant.EPOCH;
        this.createdBy = "";
    }

    public ApiClientEntity(ApiClient.Kind kind, String name, @Nullable String location, String key, Instant at,
                           String by) {
        this.kind = kind;
        this.name = name;
        this.location = location;
        this.keyHash = hashOf(key);
        this.keyHint = key.substring(0, ApiClient.KEY_HINT_LENGTH);
        this.createdAt = at;
        this.createdBy = by;
    }

    /** The key stops working; refused for a key already revoked ({@code kkprint.client.already-revoked}). */
    public void revoke(Instant at) {
        if (revokedAt != null) {
            throw new RuleViolation("kkprint.client.already-revoked");
        }
        this.revokedAt = at;
    }

    public ApiClient toRecord() {
        return new ApiClient(id(), kind, name, location, keyHint, createdAt, createdBy, revokedAt);
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    /** What the table keeps of a key. */
    public static String hashOf(String key) {
        return Sha256.hex(key);
    }
}
