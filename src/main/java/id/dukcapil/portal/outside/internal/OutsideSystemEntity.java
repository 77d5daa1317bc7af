package id.dukcapil.portal.outside.internal;

import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.SystemState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One outside system as the cluster last found it ({@code outside_system}). Changed only by the repository's
 * conditional updates, each a compare-and-set on its status (decision 198): of two nodes that see the same change at
 * once, one makes it and audits it. No version: no form edits it. Read as {@link SystemState} records.
 */
@Entity
@Table(name = "outside_system")
public class OutsideSystemEntity {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "system_name")
    private OutsideSystem system;
    @Enumerated(EnumType.STRING)
    private SystemState.Status status;
    private @Nullable Instant awaySince;
    private @Nullable String lastFailure;
    private @Nullable Instant lastContact;
    private @Nullable Instant changedAt;

    protected OutsideSystemEntity() {
        this.system = OutsideSystem.MAIL;
        this.status = SystemState.Status.NOT_CONTACTED;
    }
}
