package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.kkprint.Inbox;
import id.dukcapil.portal.kkprint.InboxRow;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.RequestState;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.OptimisticLock;
import org.jspecify.annotations.Nullable;

/**
 * A citizen's KK print request (SOP B steps 6–10, {@code kkprint_request}), with its history rows. Each change of
 * state is one method here that applies its row of {@link Transition} and refuses, in words, a change the state does
 * not allow; nothing else writes {@code state}, {@code inbox}, {@code holder} or {@code open_kk}. A method answers the
 * {@link Change} it made, and {@link Lifecycle#record} moves the step clocks, appends the history and writes it now:
 * {@code version} makes a write on an older read fail ("changed meanwhile"), never win. The desks load it locked
 * ({@link KkRequestRepository#findLockedById}), so two clerks on one request queue up and the second is refused by the
 * state the first left.
 */
@Entity
@Table(name = "kkprint_request")
public class KkRequestEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String trackingNumber;
    private String requesterNik;
    private String requesterName;
    private @Nullable String requesterEmail;
    private String kkNumber;
    /** The KK number while the request is open (unique: one open request per family card); null once closed. */
    private @Nullable String openKk;
    @Enumerated(EnumType.STRING)
    private KkPrintReason reason;
    private String description;
    @Enumerated(EnumType.STRING)
    private RequestState state;
    @Enumerated(EnumType.STRING)
    private @Nullable Inbox inbox;
    private @Nullable String holder;
    private @Nullable String holderName;
    private @Nullable String step;
    private @Nullable Instant stepStartedAt;
    private @Nullable Instant stepDueAt;
    /** Set by the overdue watch's conditional statement (under the row's lock); a new step clears it. */
    private boolean overdueNotified;
    private Instant submittedAt;
    private String familySnapshot;
    private @Nullable String familyAtVerification;
    /** Written only by the register's import ({@link KkRequestRepository#markRegistryRefreshed}), never by a save. */
    @Column(insertable = false, updatable = false)
    private @Nullable Instant registryRefreshedAt;
    private @Nullable String requesterPhone;
    private @Nullable String notifyChannel;
    /** The store's hand-written INT version, kept; JPA checks and moves it now. */
    @Version
    private int version;
    /**
     * Appended only (read through {@link KkRequestRepository#historyOf}); an add does not load the earlier rows, and a
     * line alone (a note: a reminder, a new PIN) does not change the request's version.
     */
    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OptimisticLock(excluded = true)
    private List<KkHistoryEntity> history = new ArrayList<>();

    protected KkRequestEntity() {
        this.trackingNumber = "";
        this.requesterNik = "";
        this.requesterName = "";
        this.kkNumber = "";
        this.reason = KkPrintReason.values()[0];
        this.description = "";
        this.state = RequestState.SUBMITTED;
        this.submittedAt = Instant.EPOCH;
        this.familySnapshot = "";
    }

    /** A new request in the operator's inbox, its step 6 clock started by the intake. */
    public KkRequestEntity(String trackingNumber, String requesterNik, String requesterName,
                           @Nullable String requesterEmail, String kkNumber, KkPrintReason reason, String description,
                           Instant submittedAt, String familySnapshot, @Nullable String requesterPhone,
                           @Nullable String notifyChannel, String step, @Nullable Instant stepDueAt) {
        this.trackingNumber = trackingNumber;
        this.requesterNik = requesterNik;
        this.requesterName = requesterName;
        this.requesterEmail = requesterEmail;
        this.kkNumber = kkNumber;
        this.openKk = kkNumber;
        this.reason = reason;
        this.description = description;
        this.state = RequestState.SUBMITTED;
        this.inbox = Inbox.OPERATOR;
        this.step = step;
        this.stepStartedAt = submittedAt;
        this.stepDueAt = stepDueAt;
        this.submittedAt = submittedAt;
        this.familySnapshot = familySnapshot;
        this.requesterPhone = requesterPhone;
        this.notifyChannel = notifyChannel;
    }

    /** What a transition method changed: the row of the table applied, the state left and the step it was in. */
    public record Change(Transition transition, RequestState from, @Nullable String leftStep) {
    }

    /** Step 6: the operator takes the request; refused with who holds it if another operator was faster. */
    public Change claim(String by, String byName) {
        if (state == RequestState.IN_CHECK && holder != null) {
            throw new RuleViolation("kkprint.claim.taken", holderName);
        }
        Change change = refuseUnless(Transition.CLAIMED, by);
        state = RequestState.IN_CHECK;
        holder = by;
        holderName = byName;
        return change;
    }

    /** The claim given back to the inbox (by its holder, or a supervisor for a stuck claim; the service checks who). */
    public Change releaseClaim() {
        Change change = refuseUnless(Transition.CLAIM_RELEASED, null);
        state = RequestState.SUBMITTED;
        holder = null;
        holderName = null;
        return change;
    }

    /** Checked and complete: on to the verifier. Only the operator holding it. */
    public Change forward(String by) {
        return move(Transition.FORWARDED_TO_VERIFIER, by);
    }

    /** Not in order: back to the citizen. Only the operator holding it. */
    public Change returnToCitizen(String by) {
        return move(Transition.RETURNED, by);
    }

    /** Verified and validated for the Kepala Dinas's signature, the family kept as the verifier approved it. */
    public Change verify(String familyAsApproved) {
        Change change = move(Transition.VERIFIED_FOR_SIGNATURE, null);
        familyAtVerification = familyAsApproved;
        return change;
    }

    /** The verifier sends it back to the operator's check. */
    public Change sendBack() {
        return move(Transition.SENT_BACK, null);
    }

    /** The verifier rejects it to the citizen: closed. */
    public Change reject() {
        return move(Transition.REJECTED_BY_VERIFIER, null);
    }

    /** The Kepala Dinas signed the card. */
    public Change sign() {
        return move(Transition.SIGNED_BY_HEAD, null);
    }

    /** The Kepala Dinas sent the card back to verification. */
    public Change returnSignature() {
        return move(Transition.SIGNATURE_RETURNED, null);
    }

    /** The QR code and PIN are on their way to the citizen: the kiosks may release it. */
    public Change deliver() {
        return move(Transition.DELIVERED_BY_EMAIL, null);
    }

    /** A kiosk printed it: closed. */
    public Change print() {
        return move(Transition.PRINTED_AT_KIOSK, null);
    }

    /** No kiosk releases it any more: closed. */
    public Change revoke() {
        return move(Transition.REVOKED_RELEASE, null);
    }

    /** Its QR code and PIN ran out unused: closed. */
    public Change expire() {
        return move(Transition.EXPIRED_RELEASE, null);
    }

    /** Whether the request is where the transition starts (a retried event finds its change made and stops). */
    public boolean can(Transition transition) {
        return transition.from() == null || transition.from() == state;
    }

    private Change move(Transition transition, @Nullable String by) {
        Change change = refuseUnless(transition, by);
        state = Objects.requireNonNull(transition.to());
        inbox = transition.inbox();
        holder = null;
        holderName = null;
        openKk = state.open() ? kkNumber : null;
        return change;
    }

    private Change refuseUnless(Transition transition, @Nullable String by) {
        if (!can(transition)) {
            throw new RuleViolation(List.of("kkprint.transition." + transition.name(), "kkprint.stands." + state.name()),
                    trackingNumber);
        }
        if (transition.holderOnly() && !Objects.equals(holder, by)) {
            throw new RuleViolation("kkprint.claim.taken", holderName);
        }
        return new Change(transition, state, step);
    }

    /** The step entered after a move (by {@link Lifecycle} only, with the standard the step clock gave it). */
    void stepEntered(@Nullable String newStep, @Nullable Instant startedAt, @Nullable Instant dueAt) {
        step = newStep;
        stepStartedAt = startedAt;
        stepDueAt = dueAt;
        overdueNotified = false;
    }

    /** One more history row (by {@link Lifecycle} only); inserted with the request's write. */
    void record(Instant at, String actor, @Nullable RequestState from, RequestState to, @Nullable String why,
                boolean reasonPublic) {
        history.add(new KkHistoryEntity(this, at, actor, from, to, why, reasonPublic));
    }

    /** The channel the requester chose for news of the request; requests from before the choice, e-mail. */
    public Channel newsChannel() {
        return notifyChannel == null ? Channel.EMAIL : Channel.valueOf(notifyChannel);
    }

    public InboxRow inboxRow() {
        Instant started = stepStartedAt != null ? stepStartedAt : submittedAt;
        return new InboxRow(id(), trackingNumber, requesterName, kkNumber, reason, state, holder, holderName,
                started, stepDueAt, submittedAt);
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public String requesterNik() {
        return requesterNik;
    }

    public String requesterName() {
        return requesterName;
    }

    public @Nullable String requesterEmail() {
        return requesterEmail;
    }

    public String kkNumber() {
        return kkNumber;
    }

    public KkPrintReason reason() {
        return reason;
    }

    public String description() {
        return description;
    }

    public RequestState state() {
        return state;
    }

    public @Nullable Inbox inbox() {
        return inbox;
    }

    public @Nullable String holder() {
        return holder;
    }

    public @Nullable String holderName() {
        return holderName;
    }

    public @Nullable String step() {
        return step;
    }

    public @Nullable Instant stepDueAt() {
        return stepDueAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String familySnapshot() {
        return familySnapshot;
    }

    public @Nullable String familyAtVerification() {
        return familyAtVerification;
    }

    public @Nullable Instant registryRefreshedAt() {
        return registryRefreshedAt;
    }

    public @Nullable String requesterPhone() {
        return requesterPhone;
    }

    public int version() {
        return version;
    }
}
