package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.kkprint.HistoryEntry;
import id.dukcapil.portal.kkprint.RequestState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One line of a request's history ({@code kkprint_history}), part of the request's aggregate: appended by
 * {@link KkRequestEntity#record} with each change, never changed. The citizen's status page reads it.
 */
@Entity
@Immutable
@Table(name = "kkprint_history")
public class KkHistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private @Nullable KkRequestEntity request;
    private Instant at;
    private String actor;
    @Enumerated(EnumType.STRING)
    private @Nullable RequestState fromState;
    @Enumerated(EnumType.STRING)
    private RequestState toState;
    private @Nullable String reason;
    private boolean reasonPublic;

    protected KkHistoryEntity() {
        this.at = Instant.EPOCH;
        this.actor = "";
        this.toState = RequestState.SUBMITTED;
    }

    KkHistoryEntity(KkRequestEntity request, Instant at, String actor, @Nullable RequestState fromState,
                    RequestState toState, @Nullable String reason, boolean reasonPublic) {
        this.request = request;
        this.at = at;
        this.actor = actor;
        this.fromState = fromState;
        this.toState = toState;
        this.reason = reason;
        this.reasonPublic = reasonPublic;
    }

    public HistoryEntry toRecord() {
        return new HistoryEntry(at, actor, fromState, toState, reason, reasonPublic);
    }
}
