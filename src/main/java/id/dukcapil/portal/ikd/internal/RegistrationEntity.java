package id.dukcapil.portal.ikd.internal;

import id.dukcapil.portal.ikd.IkdRefusal;
import id.dukcapil.portal.ikd.IkdRefusal.Code;
import id.dukcapil.portal.ikd.Registration;
import id.dukcapil.portal.ikd.RegistrationState;
import id.dukcapil.portal.shared.Nik;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A citizen's IKD activation at a service point (SOP E), from the app's registration to the officer's archive. Each
 * change of state is one method here that applies its row of {@link RegistrationTransition} and refuses, in words, a
 * change the state does not allow; nothing else writes {@code state}. The services load it locked
 * ({@link RegistrationRepository#findLockedByCode}): face checks, scans and PIN tries on one registration queue up,
 * each seeing the ones before it, and {@code version} makes any write on an older read fail rather than win.
 *
 * <p>Made by {@link RegistrationSql#insertUnlessNikHeld} (the unique open NIK decides a race between two
 * registrations as an answer, not an exception), so it has no public constructor.
 */
@Entity
@Table(name = "ikd_registration")
public class RegistrationEntity {

    @Id
    private long id;
    private String code;
    private String nik;
    private String fullName;
    private String email;
    private String phone;
    private String servicePoint;
    @Enumerated(EnumType.STRING)
    private RegistrationState state;
    /** The NIK while the registration is open or activated (unique: one at a time per NIK); null once closed. */
    private @Nullable String openNik;
    private int faceAttempts;
    private @Nullable BigDecimal lastFaceScore;
    private @Nullable String qrHash;
    private @Nullable Instant qrExpiresAt;
    private @Nullable String qrOfficer;
    private @Nullable String pinHash;
    private @Nullable Instant pinExpiresAt;
    private int pinFailures;
    private Instant registeredAt;
    private @Nullable Instant activatedAt;
    private @Nullable String officer;
    private @Nullable Instant archivedAt;
    private @Nullable String archivedBy;
    private @Nullable String archiveChecklist;
    @Version
    private long version;

    protected RegistrationEntity() {
        this.code = "";
        this.nik = "";
        this.fullName = "";
        this.email = "";
        this.phone = "";
        this.servicePoint = "";
        this.state = RegistrationState.REGISTERED;
        this.registeredAt = Instant.EPOCH;
    }

    public Registration toRecord() {
        return new Registration(code, Nik.of(nik).masked(), fullName, servicePoint, state, faceAttempts, registeredAt,
                activatedAt, pinExpiresAt);
    }

    /**
     * The national face check's answer on the selfie; the last failure allowed hands the citizen to the officer.
     *
     * @return the state entered
     */
    public RegistrationState faceChecked(boolean passed, BigDecimal score, int maxAttempts) {
        RegistrationTransition transition = passed ? RegistrationTransition.PASS_FACE
                : faceAttempts + 1 >= maxAttempts ? RegistrationTransition.FAIL_FACE_LAST
                : RegistrationTransition.FAIL_FACE;
        apply(transition);
        faceAttempts++;
        lastFaceScore = score;
        return state;
    }

    /** A new one-time QR code on this officer's screen (only its hash is kept), for a face that passed or a PIN that ran out. */
    public void showQr(String hash, Instant expiresAt, String byOfficer, Instant now) {
        refuseUnless(RegistrationTransition.SHOW_QR);
        if (state == RegistrationState.PIN_SENT && !pinExpired(now)) {
            throw refusal(RegistrationTransition.SHOW_QR);
        }
        qrHash = hash;
        qrExpiresAt = expiresAt;
        qrOfficer = byOfficer;
    }

    /**
     * The phone scanned the QR code whose hash is given: it is used up (single use), the PIN issued. Wrong PINs so
     * far still count against the lock. The caller has checked the code against {@link #qrHash()}.
     */
    public void sendPin(String scannedHash, String newPinHash, Instant expiresAt) {
        refuseUnless(RegistrationTransition.SEND_PIN);
        if (!scannedHash.equals(qrHash)) {
            throw new IkdRefusal(Code.QR_INVALID);
        }
        apply(RegistrationTransition.SEND_PIN);
        qrHash = null;
        pinHash = newPinHash;
        pinExpiresAt = expiresAt;
        officer = qrOfficer;
    }

    /**
     * One more wrong PIN; the one that reaches {@code maxWrongPins} locks the activation.
     *
     * @return whether it locked
     */
    public boolean wrongPin(int maxWrongPins) {
        RegistrationTransition transition = pinFailures + 1 >= maxWrongPins ? RegistrationTransition.LOCK
                : RegistrationTransition.REFUSE_PIN;
        apply(transition);
        pinFailures++;
        return state == RegistrationState.LOCKED;
    }

    /** Refuses, in words, a PIN for a registration that is not waiting for one (a locked one as PIN_LOCKED). */
    public void awaitingPin() {
        refuseUnless(RegistrationTransition.ACTIVATE);
    }

    /** The right PIN: the digital ID is active, the PIN forgotten. */
    public void activate(Instant at) {
        apply(RegistrationTransition.ACTIVATE);
        activatedAt = at;
        pinHash = null;
    }

    /** After the face checks ran out: the citizen comes back another time (the NIK may register again). */
    public void askToRetryLater() {
        apply(RegistrationTransition.ASK_TO_RETRY_LATER);
    }

    /** After the face checks ran out: the citizen is referred to the registry (the NIK may register again). */
    public void refer() {
        apply(RegistrationTransition.REFER);
    }

    /** Not finished on its day (the citizen left): the NIK may register again. */
    public void expire() {
        apply(RegistrationTransition.EXPIRE);
    }

    /** The officer's archive with the checklist ticked; the NIK stays activated. */
    public void archive(Instant at, String byOfficer, String checklist) {
        apply(RegistrationTransition.ARCHIVE);
        archivedAt = at;
        archivedBy = byOfficer;
        archiveChecklist = checklist;
    }

    /** Whether a PIN was e-mailed and ran out unused. */
    public boolean pinExpired(Instant now) {
        return state == RegistrationState.PIN_SENT && pinExpiresAt != null && !now.isBefore(pinExpiresAt);
    }

    private void apply(RegistrationTransition transition) {
        refuseUnless(transition);
        state = transition.to(state);
        if (transition.freesNik()) {
            openNik = null;
        }
    }

    private void refuseUnless(RegistrationTransition transition) {
        if (!transition.allowedFrom(state)) {
            throw refusal(transition);
        }
    }

    private IkdRefusal refusal(RegistrationTransition transition) {
        Code code = transition.refusedAs(state);
        return code == Code.WRONG_STATE
                ? new IkdRefusal(code, List.of(transition.refusalKey(), RegistrationTransition.standsKey(state)))
                : new IkdRefusal(code);
    }

    public long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String nik() {
        return nik;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public String servicePoint() {
        return servicePoint;
    }

    public RegistrationState state() {
        return state;
    }

    public int faceAttempts() {
        return faceAttempts;
    }

    public @Nullable String qrHash() {
        return qrHash;
    }

    public @Nullable Instant qrExpiresAt() {
        return qrExpiresAt;
    }

    public @Nullable String qrOfficer() {
        return qrOfficer;
    }

    public @Nullable String pinHash() {
        return pinHash;
    }

    public @Nullable Instant pinExpiresAt() {
        return pinExpiresAt;
    }

    public int pinFailures() {
        return pinFailures;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public long version() {
        return version;
    }
}
