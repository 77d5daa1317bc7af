package id.dukcapil.portal.recording;

import static id.dukcapil.portal.recording.VisitState.ABSENT;
import static id.dukcapil.portal.recording.VisitState.ALREADY_RECORDED;
import static id.dukcapil.portal.recording.VisitState.BIOMETRIC_CHECK;
import static id.dukcapil.portal.recording.VisitState.CALLED;
import static id.dukcapil.portal.recording.VisitState.CHECKING;
import static id.dukcapil.portal.recording.VisitState.CLOSED;
import static id.dukcapil.portal.recording.VisitState.DOCUMENTS_RETURNED;
import static id.dukcapil.portal.recording.VisitState.PROOF_HANDED;
import static id.dukcapil.portal.recording.VisitState.QUEUED;
import static id.dukcapil.portal.recording.VisitState.RECORDED;
import static id.dukcapil.portal.recording.VisitState.SENT_BACK;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every change a recording visit can undergo after it began at the registration desk (SOP C), one row each: the
 * states it may leave and the state it enters (none: it stays where it is). The one place that says which change is
 * allowed from which state (issue 55 item 3): {@link VisitEntity}'s methods apply it, refusing in words a change the
 * visit's state does not allow.
 */
public enum VisitTransition {

    /** The resident came in person with every document: on to the iris/fingerprint check (still step 2). */
    CHECK_BIOMETRICS(BIOMETRIC_CHECK, CHECKING),
    /** The documents are not in order: returned with the reasons, the visit ends. */
    RETURN_DOCUMENTS(DOCUMENTS_RETURNED, CHECKING),
    /** The check found the resident recorded already: told so, the visit ends. */
    FIND_RECORDED(ALREADY_RECORDED, BIOMETRIC_CHECK),
    /** Not yet recorded: a queue number for the recording desk. */
    QUEUE(QUEUED, BIOMETRIC_CHECK),
    /** A recording that failed, queued again at the registration desk: called first. */
    REQUEUE(QUEUED, SENT_BACK),
    /** The resident of a waiting number asks to be told when their turn nears. */
    ASK_TURN_NOTICE(null, QUEUED),
    /** A recording desk calls the number: step 3 starts. */
    CALL(CALLED, QUEUED),
    /** Another desk serves the called number (a desk closed, a shift changed). */
    TAKE_OVER(null, CALLED),
    /** The same number called again. */
    RECALL(null, CALLED),
    /** Nobody came when called: the number waits aside. */
    MARK_ABSENT(ABSENT, CALLED),
    /** An absent resident came after all: waiting again in the number's place. */
    BRING_BACK(QUEUED, ABSENT),
    /** Photo, signature, fingerprints and iris recorded: a proof is issued. */
    RECORD(RECORDED, CALLED),
    /** The recording failed: back to the registration desk with the reason. */
    SEND_BACK(SENT_BACK, CALLED),
    /** The resident has the documents back with the proof: SOP C ends. */
    HAND_PROOF(PROOF_HANDED, RECORDED),
    /** Still open at the day's end: closed, the state it was left in kept as its outcome. */
    CLOSE(CLOSED, CHECKING, BIOMETRIC_CHECK, QUEUED, CALLED, ABSENT, SENT_BACK, RECORDED);

    private final @Nullable VisitState to;
    private final Set<VisitState> from;

    VisitTransition(@Nullable VisitState to, VisitState from, VisitState... alsoFrom) {
        this.to = to;
        this.from = EnumSet.of(from, alsoFrom);
    }

    /** The states of a visit not over for the day: those the day's end closes. */
    public static Set<VisitState> open() {
        return CLOSE.from();
    }

    /** The states a visit ends in, as its state's own {@link VisitState#finished()} says. */
    public static Set<VisitState> finished() {
        return Arrays.stream(VisitState.values()).filter(VisitState::finished)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(VisitState.class)));
    }

    public boolean allowedFrom(VisitState state) {
        return from.contains(state);
    }

    public Set<VisitState> from() {
        return EnumSet.copyOf(from);
    }

    /** The state entered; the one it is in where the change keeps it. */
    public VisitState to(VisitState current) {
        return to == null ? current : to;
    }

    /** What was refused, in words; where the visit stands follows it ({@code recording.stands.<STATE>}). */
    public String refusalKey() {
        return "recording.transition." + name();
    }

    public static String standsKey(VisitState state) {
        return "recording.stands." + state.name();
    }
}
