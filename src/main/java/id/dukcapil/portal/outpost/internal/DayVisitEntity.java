package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.recording.VisitTransition;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A resident's visit to the outpost's desks (SOP C), made here ({@code outpost_day_visit}). It moves by the Dinas's own
 * table of changes ({@link VisitTransition}), refusing in the same words a change its state does not allow, so a step
 * taken here is one the Dinas can apply. Its personal data is its resident's, sealed there.
 */
@Entity
@Table(name = "outpost_day_visit")
public class DayVisitEntity implements Persistable<String> {

    @Id
    private String visitKey;
    private long checkoutId;
    private long residentId;
    @Enumerated(EnumType.STRING)
    private VisitState state;
    private @Nullable Integer queueNumber;
    private @Nullable String ticket;
    @Enumerated(EnumType.STRING)
    private @Nullable Priority priority;
    private boolean requeued;
    private @Nullable Instant queuedAt;
    private @Nullable String desk;
    private @Nullable Instant calledAt;
    private @Nullable String calledBy;
    private @Nullable String proofNumber;
    private @Nullable String returnReasons;
    private @Nullable String explanation;
    private @Nullable String failureReason;
    private boolean technicalFailure;
    private String registeredBy;
    private Instant startedAt;
    private @Nullable Instant endedAt;
    @Version
    @Column(nullable = false)
    private int version;
    private transient boolean fresh;

    protected DayVisitEntity() {
        this.visitKey = "";
        this.state = VisitState.CHECKING;
        this.registeredBy = "";
        this.startedAt = Instant.EPOCH;
    }

    /** A visit begins: the registration desk has the resident's documents. */
    public DayVisitEntity(long checkoutId, long residentId, String registeredBy, Instant startedAt) {
        this.visitKey = UUID.randomUUID().toString();
        this.checkoutId = checkoutId;
        this.residentId = residentId;
        this.registeredBy = registeredBy;
        this.startedAt = startedAt;
        this.state = VisitState.CHECKING;
        this.fresh = true;
    }

    @Override
    public String getId() {
        return visitKey;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public void documentsInOrder() {
        apply(VisitTransition.CHECK_BIOMETRICS);
    }

    public void returnDocuments(String reasons, Instant at) {
        apply(VisitTransition.RETURN_DOCUMENTS);
        returnReasons = reasons;
        endedAt = at;
    }

    public void foundRecorded(String told, Instant at) {
        apply(VisitTransition.FIND_RECORDED);
        explanation = told;
        endedAt = at;
    }

    /** Refused in words for a visit not at the biometric check: before the day's number is taken. */
    public void awaitingNumber() {
        refuseUnless(VisitTransition.QUEUE);
    }

    public void queue(int number, String shownAs, @Nullable Priority calledFirst, Instant at) {
        apply(VisitTransition.QUEUE);
        queueNumber = number;
        ticket = shownAs;
        priority = calledFirst;
        queuedAt = at;
    }

    public void requeue(Instant at) {
        apply(VisitTransition.REQUEUE);
        requeued = true;
        failureReason = null;
        technicalFailure = false;
        desk = null;
        calledAt = null;
        calledBy = null;
        queuedAt = at;
    }

    public void call(String atDesk, String by, Instant at) {
        apply(VisitTransition.CALL);
        desk = atDesk;
        calledAt = at;
        calledBy = by;
    }

    public void recall(Instant at) {
        apply(VisitTransition.RECALL);
        calledAt = at;
    }

    public void markAbsent() {
        apply(VisitTransition.MARK_ABSENT);
    }

    public void bringBack(Instant at) {
        apply(VisitTransition.BRING_BACK);
        queuedAt = at;
    }

    /** Refused in words for a visit not called: before the proof's number is taken. */
    public void awaitingProof() {
        refuseUnless(VisitTransition.RECORD);
    }

    public void record(String number) {
        apply(VisitTransition.RECORD);
        proofNumber = number;
    }

    public void sendBack(String reason, boolean technical) {
        apply(VisitTransition.SEND_BACK);
        failureReason = reason;
        technicalFailure = technical;
    }

    public void handProof(Instant at) {
        apply(VisitTransition.HAND_PROOF);
        endedAt = at;
    }

    public void close(Instant at) {
        apply(VisitTransition.CLOSE);
        endedAt = at;
    }

    private void apply(VisitTransition transition) {
        refuseUnless(transition);
        state = transition.to(state);
    }

    private void refuseUnless(VisitTransition transition) {
        if (!transition.allowedFrom(state)) {
            throw new RuleViolation(List.of(transition.refusalKey(), VisitTransition.standsKey(state)),
                    ticket == null ? "-" : ticket);
        }
    }

    public String visitKey() {
        return visitKey;
    }

    public UUID key() {
        return UUID.fromString(visitKey);
    }

    public long checkoutId() {
        return checkoutId;
    }

    public long residentId() {
        return residentId;
    }

    public VisitState state() {
        return state;
    }

    public @Nullable Integer queueNumber() {
        return queueNumber;
    }

    public @Nullable String ticket() {
        return ticket;
    }

    public @Nullable Priority priority() {
        return priority;
    }

    public boolean requeued() {
        return requeued;
    }

    public @Nullable Instant queuedAt() {
        return queuedAt;
    }

    public @Nullable String desk() {
        return desk;
    }

    public @Nullable Instant calledAt() {
        return calledAt;
    }

    public @Nullable String calledBy() {
        return calledBy;
    }

    public @Nullable String proofNumber() {
        return proofNumber;
    }

    public @Nullable String returnReasons() {
        return returnReasons;
    }

    public @Nullable String explanation() {
        return explanation;
    }

    public @Nullable String failureReason() {
        return failureReason;
    }

    public boolean technicalFailure() {
        return technicalFailure;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant endedAt() {
        return endedAt;
    }
}
