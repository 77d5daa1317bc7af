package id.dukcapil.portal.ikd.internal;

import static id.dukcapil.portal.ikd.RegistrationState.ACTIVATED;
import static id.dukcapil.portal.ikd.RegistrationState.ARCHIVED;
import static id.dukcapil.portal.ikd.RegistrationState.EXPIRED;
import static id.dukcapil.portal.ikd.RegistrationState.FACE_FAILED;
import static id.dukcapil.portal.ikd.RegistrationState.FACE_PASSED;
import static id.dukcapil.portal.ikd.RegistrationState.LOCKED;
import static id.dukcapil.portal.ikd.RegistrationState.NEEDS_OFFICER;
import static id.dukcapil.portal.ikd.RegistrationState.PIN_SENT;
import static id.dukcapil.portal.ikd.RegistrationState.REFERRED;
import static id.dukcapil.portal.ikd.RegistrationState.REGISTERED;
import static id.dukcapil.portal.ikd.RegistrationState.RETRY_LATER;

import id.dukcapil.portal.ikd.IkdRefusal.Code;
import id.dukcapil.portal.ikd.RegistrationState;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every change an IKD registration can undergo after the app registered it (SOP E), one row each: the states it may
 * leave, the state it enters (none: it stays where it is), and whether the NIK is free to register again afterwards.
 * The one place that says which change is allowed from which state (issue 55 item 3): {@link RegistrationEntity}'s
 * methods apply it, refusing in words a change the registration's state does not allow.
 */
public enum RegistrationTransition {

    /** The selfie passed the national face check: the officer shows the activation QR code. */
    PASS_FACE(FACE_PASSED, false, REGISTERED, FACE_FAILED),
    /** The selfie failed, with tries left. */
    FAIL_FACE(FACE_FAILED, false, REGISTERED, FACE_FAILED),
    /** The selfie failed for the last time allowed: the officer decides. */
    FAIL_FACE_LAST(NEEDS_OFFICER, false, REGISTERED, FACE_FAILED),
    /**
     * The officer's screen shows a new one-time QR code: for a face that passed, or in place of a PIN that ran out
     * unused ({@link RegistrationEntity#showQr} refuses a PIN still valid).
     */
    SHOW_QR(null, false, FACE_PASSED, PIN_SENT),
    /** The phone scanned the QR code: the PIN goes out by e-mail (again, where the first ran out). */
    SEND_PIN(PIN_SENT, false, FACE_PASSED, PIN_SENT),
    /** A wrong PIN, with tries left. */
    REFUSE_PIN(null, false, PIN_SENT),
    /** The wrong PIN that uses up the tries: the activation locks, the NIK may register again. */
    LOCK(LOCKED, true, PIN_SENT),
    /** The right PIN: the digital ID is active. */
    ACTIVATE(ACTIVATED, false, PIN_SENT),
    /** After the face checks ran out, the officer asks the citizen to come back another time. */
    ASK_TO_RETRY_LATER(RETRY_LATER, true, NEEDS_OFFICER),
    /** After the face checks ran out, the officer refers the citizen to the registry. */
    REFER(REFERRED, true, NEEDS_OFFICER),
    /** Not finished by the end of its day: the citizen left. */
    EXPIRE(EXPIRED, true, REGISTERED, FACE_FAILED, NEEDS_OFFICER, FACE_PASSED, PIN_SENT),
    /** The officer's archive checklist is done: SOP E ends for this citizen. */
    ARCHIVE(ARCHIVED, false, ACTIVATED);

    private final @Nullable RegistrationState to;
    private final boolean freesNik;
    private final Set<RegistrationState> from;

    RegistrationTransition(@Nullable RegistrationState to, boolean freesNik, RegistrationState from,
                           RegistrationState... alsoFrom) {
        this.to = to;
        this.freesNik = freesNik;
        this.from = EnumSet.of(from, alsoFrom);
    }

    /** The states of a registration not finished: those it may expire from. */
    public static Set<RegistrationState> unfinished() {
        return EXPIRE.from();
    }

    /** Whether a registration in this state may undergo the change. */
    public boolean allowedFrom(RegistrationState state) {
        return from.contains(state);
    }

    public Set<RegistrationState> from() {
        return EnumSet.copyOf(from);
    }

    /** The state entered; the one it is in where the change keeps it. */
    RegistrationState to(RegistrationState current) {
        return to == null ? current : to;
    }

    /** Ends the registration unactivated: its NIK may register again ({@code open_nik} cleared). */
    boolean freesNik() {
        return freesNik;
    }

    /**
     * The stable code the app receives when the change is refused in the state: a face check after the checks ran
     * out and a PIN after the lock have codes of their own; anything else is a step out of turn.
     */
    Code refusedAs(RegistrationState state) {
        if (state == NEEDS_OFFICER && (this == PASS_FACE || this == FAIL_FACE || this == FAIL_FACE_LAST)) {
            return Code.FACE_CHECK_EXHAUSTED;
        }
        if (state == LOCKED && (this == ACTIVATE || this == REFUSE_PIN || this == LOCK)) {
            return Code.PIN_LOCKED;
        }
        return Code.WRONG_STATE;
    }

    /** What was refused, in words; where the registration stands follows it ({@code ikd.stands.<STATE>}). */
    String refusalKey() {
        return "ikd.transition." + name();
    }

    static String standsKey(RegistrationState state) {
        return "ikd.stands." + state.name();
    }
}
