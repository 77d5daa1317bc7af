package id.dukcapil.portal.recording.internal;

import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.recording.VisitTransition;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resident's visit to a recording point (SOP C), from the registration desk to the proof: a row of the day's
 * register (BHPPK). Each change of state is one method here that applies its row of {@link VisitTransition} and
 * refuses, in words, a change the state does not allow; nothing else writes {@code state}. The desks load it locked
 * ({@link VisitRepository#findLockedById}), and {@code version} (the column the store kept by hand) makes a write
 * on an older read fail rather than win: two desks never both move one visit.
 */
@Entity
@Table(name = "recording_visit")
public class VisitEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String servicePoint;
    private LocalDate day;
    private String nik;
    private String fullName;
    @Enumerated(EnumType.STRING)
    private VisitState state;
    @Enumerated(EnumType.STRING)
    private @Nullable VisitState closedFrom;
    private @Nullable String closedBy;
    private @Nullable Integer queueNumber;
    private @Nullable String ticket;
    @Enumerated(EnumType.STRING)
    private @Nullable Priority priority;
    private @Nullable Instant queuedAt;
    private int waits;
    private int waitedSeconds;
    private int longestWaitSeconds;
    private boolean requeued;
    private @Nullable String returnReasons;
    private @Nullable String explanation;
    private @Nullable String failureReason;
    private boolean technicalFailure;
    private int failures;
    private int technicalFailures;
    private @Nullable String desk;
    private @Nullable Instant calledAt;
    private @Nullable String calledBy;
    private String registeredBy;
    private @Nullable String recordedBy;
    private @Nullable Instant recordedAt;
    private Instant startedAt;
    private @Nullable Instant endedAt;
    private @Nullable String proofNumber;
    private @Nullable String proofToken;
    private @Nullable String turnChannel;
    private @Nullable String turnAddress;
    private @Nullable String turnLocale;
    private @Nullable Instant turnToldAt;
    @Version
    private int version;

    protected VisitEntity() {
        this("", LocalDate.EPOCH, "", "", "", Instant.EPOCH);
    }

    /** A visit begins: the operator has the resident's documents and checks them. */
    public VisitEntity(String servicePoint, LocalDate day, String nik, String fullName, String registeredBy,
                       Instant startedAt) {
        this.servicePoint = servicePoint;
        this.day = day;
        this.nik = nik;
        this.fullName = fullName;
        this.registeredBy = registeredBy;
        this.startedAt = startedAt;
        this.state = VisitState.CHECKING;
    }

    public Visit toRecord() {
        return new Visit(id(), servicePoint, day, nik, fullName, state, closedFrom, ticket, priority, requeued,
                returnReasons, explanation, failureReason, technicalFailure, desk, calledAt, calledBy, registeredBy,
                recordedBy, recordedAt, startedAt, endedAt, proofNumber, proofToken);
    }

    public void documentsInOrder() {
        apply(VisitTransition.CHECK_BIOMETRICS);
    }

    public void returnDocuments(String reasons, Instant at) {
        apply(VisitTransition.RETURN_DOCUMENTS);
        returnReasons = reasons;
        endedAt = at;
    }

    public void foundRecorded(String toldResident, Instant at) {
        apply(VisitTransition.FIND_RECORDED);
        explanation = toldResident;
        endedAt = at;
    }

    /** Refuses, in words, a number for a visit not at the biometric check: before the point's counter is taken. */
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

    /**
     * The resident wants to be told when their turn nears: a correction replaces the address until the notice is
     * queued, and after that nothing does (one notice per visit).
     */
    public void askTurnNotice(String channel, String address, String locale) {
        refuseUnless(VisitTransition.ASK_TURN_NOTICE);
        if (turnToldAt != null) {
            throw refusal(VisitTransition.ASK_TURN_NOTICE);
        }
        apply(VisitTransition.ASK_TURN_NOTICE);
        turnChannel = channel;
        turnAddress = address;
        turnLocale = locale;
    }

    /** A desk calls the number: the wait since it was given (or queued again) ends and is counted. */
    public void call(String atDesk, String by, Instant at) {
        apply(VisitTransition.CALL);
        // A number queued before waits were timed has no queued_at: its wait counts as unknown, 0 s.
        long waited = Math.max(0, Duration.between(queuedAt == null ? at : queuedAt, at).toSeconds());
        waits++;
        waitedSeconds += (int) waited;
        longestWaitSeconds = Math.max(longestWaitSeconds, (int) waited);
        desk = atDesk;
        calledAt = at;
        calledBy = by;
    }

    /** Another operator's called number served at this desk: called anew here, so the board says where to go. */
    public void takeOver(String atDesk, String by, Instant at) {
        apply(VisitTransition.TAKE_OVER);
        desk = atDesk;
        calledBy = by;
        calledAt = at;
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

    public void record(String by, Instant at, String number, String token) {
        apply(VisitTransition.RECORD);
        recordedBy = by;
        recordedAt = at;
        proofNumber = number;
        proofToken = token;
    }

    public void sendBack(String by, String reason, boolean technical) {
        apply(VisitTransition.SEND_BACK);
        recordedBy = by;
        failureReason = reason;
        technicalFailure = technical;
        failures++;
        if (technical) {
            technicalFailures++;
        }
    }

    public void handProof(Instant at) {
        apply(VisitTransition.HAND_PROOF);
        endedAt = at;
    }

    /**
     * Closed, keeping the state it was left in: at the day's end, or a registration the desk left unfinished. A turn
     * notice's address goes.
     */
    public void close(Instant at, String by) {
        VisitState leftIn = state;
        apply(VisitTransition.CLOSE);
        closedFrom = leftIn;
        closedBy = by;
        endedAt = at;
        turnAddress = null;
    }

    private void apply(VisitTransition transition) {
        refuseUnless(transition);
        state = transition.to(state);
    }

    private void refuseUnless(VisitTransition transition) {
        if (!transition.allowedFrom(state)) {
            throw refusal(transition);
        }
    }

    private RuleViolation refusal(VisitTransition transition) {
        return new RuleViolation(List.of(transition.refusalKey(), VisitTransition.standsKey(state)),
                ticket == null ? fullName : ticket);
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public String servicePoint() {
        return servicePoint;
    }

    public LocalDate day() {
        return day;
    }

    public String nik() {
        return nik;
    }

    public VisitState state() {
        return state;
    }

    public @Nullable String ticket() {
        return ticket;
    }

    public @Nullable String desk() {
        return desk;
    }

    public @Nullable String calledBy() {
        return calledBy;
    }

    public @Nullable Instant calledAt() {
        return calledAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public @Nullable String proofNumber() {
        return proofNumber;
    }

    int waits() {
        return waits;
    }

    int waitedSeconds() {
        return waitedSeconds;
    }

    int failures() {
        return failures;
    }

    public int version() {
        return version;
    }
}
