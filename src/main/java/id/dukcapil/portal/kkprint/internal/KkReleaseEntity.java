package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.kkprint.ReleaseState;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A QR code and PIN handed to the citizen for a kiosk ({@code kkprint_release}, SOP B step 10): ACTIVE until a kiosk
 * releases the card with the right PIN, locked after too many wrong ones, or ended (void, revoked, expired). The kiosk
 * loads it locked ({@link KkReleaseRepository#findLockedByQrContent}): PIN attempts on one code queue up, each
 * counting on the count the one before left; {@code version} (column added by {@code kkprint-007}) refuses any write
 * on an older read.
 */
@Entity
@Table(name = "kkprint_release")
public class KkReleaseEntity {

    /** The states a release can still be used or unlocked from: a new PIN or a revocation ends them. */
    public static final Set<ReleaseState> USABLE = EnumSet.of(ReleaseState.ACTIVE, ReleaseState.LOCKED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long requestId;
    private String qrContent;
    private String pinHash;
    @Enumerated(EnumType.STRING)
    private ReleaseState state;
    private int failedAttempts;
    private Instant createdAt;
    private Instant expiresAt;
    private @Nullable Instant releasedAt;
    private @Nullable Long kioskId;
    /** Claimed by the reminder's conditional statement ({@link KkReleaseRepository#markReminded}), never by a save. */
    @Column(insertable = false, updatable = false)
    private @Nullable Instant remindedAt;
    @Version
    private long version;

    protected KkReleaseEntity() {
        this.qrContent = "";
        this.pinHash = "";
        this.state = ReleaseState.ACTIVE;
        this.createdAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
    }

    public KkReleaseEntity(long requestId, String qrContent, String pinHash, Instant createdAt, Instant expiresAt) {
        this.requestId = requestId;
        this.qrContent = qrContent;
        this.pinHash = pinHash;
        this.state = ReleaseState.ACTIVE;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /**
     * One more wrong PIN; the one that reaches {@code maxWrongPins} locks the release.
     *
     * @return the tries left (0: locked)
     */
    public int wrongPin(int maxWrongPins) {
        refuseUnless(ReleaseState.ACTIVE);
        failedAttempts++;
        if (failedAttempts >= maxWrongPins) {
            state = ReleaseState.LOCKED;
        }
        return Math.max(0, maxWrongPins - failedAttempts);
    }

    /** The right PIN at a kiosk: the card goes to it, once. */
    public void release(Instant at, long toKiosk) {
        refuseUnless(ReleaseState.ACTIVE);
        state = ReleaseState.RELEASED;
        releasedAt = at;
        kioskId = toKiosk;
    }

    /** Ended unused: a new PIN voids it, a revocation or its expiry ends it. */
    public void end(ReleaseState ending) {
        if (!USABLE.contains(state) || USABLE.contains(ending) || ending == ReleaseState.RELEASED) {
            throw new RuleViolation("kkprint.release.cannot-end");
        }
        state = ending;
    }

    private void refuseUnless(ReleaseState expected) {
        if (state != expected) {
            throw new RuleViolation("kkprint.release.cannot-end");
        }
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long requestId() {
        return requestId;
    }

    public String pinHash() {
        return pinHash;
    }

    public ReleaseState state() {
        return state;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public @Nullable Instant releasedAt() {
        return releasedAt;
    }

    public @Nullable Long kioskId() {
        return kioskId;
    }
}
