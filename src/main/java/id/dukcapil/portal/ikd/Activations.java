package id.dukcapil.portal.ikd;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.ikd.IkdRefusal.Code;
import id.dukcapil.portal.ikd.internal.FailureLog;
import id.dukcapil.portal.ikd.internal.RegistrationEntity;
import id.dukcapil.portal.ikd.internal.RegistrationRepository;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.staff.ServicePoints;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP E as the IKD app drives it through the gateway: registration (E3, the selfie, starts), the face check's
 * result (E4, the scan, starts when it passes), the scan of the officer's one-time QR code (a PIN by e-mail; E5
 * starts) and the activation with that PIN (E6, the officer's archive, starts). Step 2 happens in the app before the
 * portal hears of it. Each refusal has its stable code ({@link IkdRefusal.Code}).
 */
@Service
@PreAuthorize("hasRole('" + Roles.IKD_GATEWAY + "')")
public class Activations {

    /** Face checks that may fail before the officer decides (retry later, or refer to the registry). */
    public static final int MAX_FACE_ATTEMPTS = 3;
    /**
     * NIK and KK number that do not name one person, per client address (decision 130): guessing a family card's
     * number stops here. Per address, not per NIK: a stranger's wrong guesses must not lock the owner out.
     */
    public static final Limit UNPROVEN_PER_CLIENT = Limit.of(10, Duration.ofHours(1));
    /** Wrong PINs before the activation locks. */
    public static final int MAX_WRONG_PINS = 5;
    static final Duration PIN_VALIDITY = Duration.ofMinutes(15);
    private static final Pattern PHONE = Pattern.compile("(\\+62|0)8[0-9]{7,12}");
    private static final Pattern PIN = Pattern.compile("[0-9]{6}");
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    static final Locale INDONESIAN = Locale.of("id");

    private final RegistrationRepository registrations;
    private final FailureLog failures;
    private final PopulationRegistry registry;
    private final ServicePoints servicePoints;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Outbox outbox;
    private final PinHasher pinHasher;
    private final Clock clock;
    private final int maxFaceAttempts;
    private final BigDecimal minPassingScore;
    private final UnfinishedRegistrations unfinished;
    private final Throttle unprovenPerClient;
    private final SecureRandom random = new SecureRandom();

    Activations(RegistrationRepository registrations, FailureLog failures, PopulationRegistry registry, ServicePoints servicePoints, StepClock stepClock,
                AuditLog auditLog, CurrentActor currentActor, Outbox outbox, PinHasher pinHasher, Clock clock,
                @Value("${portal.ikd.max-face-attempts}") int maxFaceAttempts,
                @Value("${portal.ikd.min-passing-face-score}") BigDecimal minPassingScore,
                UnfinishedRegistrations unfinished, Throttles throttles) {
        this.registrations = registrations;
        this.failures = failures;
        this.registry = registry;
        this.servicePoints = servicePoints;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.outbox = outbox;
        this.pinHasher = pinHasher;
        this.clock = clock;
        this.maxFaceAttempts = maxFaceAttempts;
        this.minPassingScore = minPassingScore;
        this.unfinished = unfinished;
        // Shared: a guess at which family card a NIK is on is a guess at a secret, counted once for the cluster.
        this.unprovenPerClient = throttles.of("ikd.register.unproven.client", UNPROVEN_PER_CLIENT);
    }

    /**
     * The citizen registers at the service point where they stand, proven by the NIK with the number of the family
     * card (KK) that lists them, as the BDS asks (decision 130). No such NIK and a NIK the KK does not list are one
     * refusal, {@code PERSON_NOT_CONFIRMED}, that stores nothing of the NIK and sends nothing: a stranger learns
     * neither whether a NIK exists nor whose it is, and cannot hold it for its owner. Such guesses are counted per
     * client address. A refusal at a known point is counted there (the daily report's failures by reason), so the
     * transaction is kept for it.
     *
     * @param client the address of the citizen's phone, for the throttle
     */
    @Transactional(noRollbackFor = IkdRefusal.class)
    public Registration register(String rawNik, String rawKkNumber, String rawEmail, String rawPhone,
                                 String servicePoint, String client) {
        if (servicePoint == null || servicePoints.byCode(servicePoint).isEmpty()) {
            throw new IkdRefusal(Code.UNKNOWN_SERVICE_POINT, servicePoint);
        }
        Nik nik;
        try {
            nik = Nik.of(rawNik);
        } catch (RuleViolation invalid) {
            throw failed(servicePoint, null, Code.INVALID_NIK);
        }
        KkNumber kkNumber;
        try {
            kkNumber = KkNumber.of(rawKkNumber == null ? "" : rawKkNumber);
        } catch (RuleViolation invalid) {
            throw failed(servicePoint, null, Code.INVALID_KK_NUMBER);
        }
        Email email;
        try {
            email = Email.parse(rawEmail);
        } catch (RuleViolation invalid) {
            throw failed(servicePoint, null, Code.INVALID_EMAIL);
        }
        String phone = rawPhone == null ? "" : rawPhone.strip().replace(" ", "").replace("-", "");
        if (!PHONE.matcher(phone).matches()) {
            throw failed(servicePoint, null, Code.INVALID_PHONE);
        }
        if (unprovenPerClient.spent(client)) {
            throw new IkdRefusal(Code.REGISTRATION_THROTTLED); // asked before the proof: no answer tells it now
        }
        Resident resident = registry.findMember(kkNumber, nik).orElseThrow(() -> {
            unprovenPerClient.take(client);
            return failed(servicePoint, null, Code.PERSON_NOT_CONFIRMED);
        });
        if (registry.cardHistory(nik).isEmpty()) {
            throw failed(servicePoint, null, Code.NO_PRINTED_CARD, nik.masked());
        }
        Optional<RegistrationState> held = registrations.stateOfNik(nik.value());
        if (held.isPresent() && unfinished.expire(nik.value())) { // one left unfinished yesterday holds it no more
            held = registrations.stateOfNik(nik.value());
        }
        held.ifPresent(state -> {
            throw failed(servicePoint, null, state == RegistrationState.ACTIVATED
                    || state == RegistrationState.ARCHIVED ? Code.ALREADY_ACTIVATED : Code.REGISTRATION_OPEN,
                    nik.masked());
        });
        Instant now = clock.instant();
        String code = code();
        if (!registrations.insertUnlessNikHeld(code, nik.value(), resident.fullName(), email.value(), phone,
                servicePoint, now)) {
            throw new IkdRefusal(Code.REGISTRATION_OPEN, nik.masked()); // a second registration racing this one
        }
        stepClock.enter(caseRef(code), SopStep.E3_SELFIE, now, currentActor.id(), servicePoint);
        auditLog.record(AuditRecord.success("ikd.registered", "IkdRegistration", code)
                .withDetail("nik=" + nik.masked() + "; point=" + servicePoint));
        return row(code).toRecord();
    }

    /** The face-recognition result of the selfie, from the national service. */
    @Transactional
    public Registration faceChecked(String code, boolean passed, BigDecimal score) {
        if (passed && score.compareTo(minPassingScore) < 0) {
            // A pass the score contradicts is no answer of the national service: nothing is recorded, no try used.
            throw new IkdRefusal(Code.FACE_SCORE_CONTRADICTS_PASS, score, minPassingScore);
        }
        RegistrationEntity row = rowForUpdate(code);
        row.faceChecked(passed, score, maxFaceAttempts);
        int attempts = row.faceAttempts();
        Instant now = clock.instant();
        if (!passed) {
            failures.failure(row.servicePoint(), row.code(), null, IkdFailure.FACE_FAILED, now);
        } else {
            stepClock.leave(caseRef(code), SopStep.E3_SELFIE, now, currentActor.id());
            stepClock.enter(caseRef(code), SopStep.E4_SCAN_ACTIVATION_QR, now, currentActor.id(), row.servicePoint());
        }
        auditLog.record(AuditRecord.success("ikd.face-checked", "IkdRegistration", code)
                .withDetail("attempt " + attempts + ": " + (passed ? "passed" : "failed") + ", score " + score));
        return row.toRecord();
    }

    /**
     * The citizen's phone scanned the officer's QR code: the activation PIN goes out by e-mail, never on screen. A
     * PIN that expired unused may be replaced this way: the officer shows a new QR code.
     */
    @Transactional(noRollbackFor = IkdRefusal.class)
    public Registration scanned(String code, String qrContent) {
        // Locked: the code is single use, and two scans of it sent together are answered one after the other.
        RegistrationEntity row = rowForUpdate(code);
        String hash = Sha256.hex(qrContent == null ? "" : qrContent.strip());
        if (row.qrHash() == null || !row.qrHash().equals(hash)) {
            throw failed(row, Code.QR_INVALID);
        }
        Instant now = clock.instant();
        if (row.qrExpiresAt() == null || !now.isBefore(row.qrExpiresAt())) {
            throw failed(row, Code.QR_EXPIRED);
        }
        String pin = "%06d".formatted(random.nextInt(1_000_000));
        RegistrationState before = row.state();
        row.sendPin(hash, pinHasher.hash(row.code(), pin), now.plus(PIN_VALIDITY));
        outbox.enqueue(OutgoingMail.of(row.email(), "ikd-pin", INDONESIAN, Map.of("name", row.fullName(), "pin", pin,
                "minutes", PIN_VALIDITY.toMinutes())).withReference(code));
        if (before == RegistrationState.FACE_PASSED) { // a PIN issued again: step 5 goes on, longer
            stepClock.leave(caseRef(code), SopStep.E4_SCAN_ACTIVATION_QR, now, currentActor.id());
            stepClock.enter(caseRef(code), SopStep.E5_PIN_EMAIL_ACTIVATE, now, currentActor.id(), row.servicePoint());
        }
        auditLog.record(AuditRecord.success("ikd.qr-scanned", "IkdRegistration", code)
                .withDetail("officer=" + row.qrOfficer() + "; PIN e-mailed"
                        + (before == RegistrationState.PIN_SENT ? " again, the first one expired" : "")));
        return row.toRecord();
    }

    /** The PIN from the e-mail activates the digital ID; five wrong PINs lock it. */
    @Transactional(noRollbackFor = IkdRefusal.class)
    public Registration activate(String code, String pin) {
        // Locked: sixty PINs sent at once are tried one after another, each seeing the failures before it.
        RegistrationEntity row = rowForUpdate(code);
        if (pin == null || !PIN.matcher(pin).matches()) {
            throw new IkdRefusal(Code.MALFORMED_PIN); // not counted: a typing slip is no guess
        }
        row.awaitingPin(); // a locked one is refused as PIN_LOCKED, counted once, when it locked
        Instant now = clock.instant();
        if (row.pinExpiresAt() == null || !now.isBefore(row.pinExpiresAt())) {
            throw failed(row, Code.PIN_EXPIRED);
        }
        if (!pinHasher.matches(row.code(), pin, java.util.Objects.requireNonNull(row.pinHash()))) {
            boolean locked = row.wrongPin(MAX_WRONG_PINS);
            int wrong = row.pinFailures();
            auditLog.record(AuditRecord.success("ikd.pin-wrong", "IkdRegistration", code)
                    .withDetail(wrong + " of " + MAX_WRONG_PINS + (locked ? "; locked" : "")));
            if (locked) { // SOP E ends here for the citizen: step 5 stops, not overdue for ever, and not activated
                stepClock.abandonIfOpen(caseRef(code), SopStep.E5_PIN_EMAIL_ACTIVATE, now, currentActor.id(),
                        "PIN locked after " + MAX_WRONG_PINS + " wrong PINs");
            }
            throw failed(row, locked ? Code.PIN_LOCKED : Code.WRONG_PIN, MAX_WRONG_PINS - wrong);
        }
        row.activate(now);
        stepClock.leave(caseRef(code), SopStep.E5_PIN_EMAIL_ACTIVATE, now, currentActor.id());
        stepClock.enter(caseRef(code), SopStep.E6_ARCHIVE_AND_REPORT, now, currentActor.id(), row.servicePoint());
        auditLog.record(AuditRecord.success("ikd.activated", "IkdRegistration", code)
                .withDetail("nik=" + Nik.of(row.nik()).masked()));
        return row.toRecord();
    }

    @Transactional(readOnly = true)
    public Registration status(String code) {
        return row(code).toRecord();
    }

    static CaseRef caseRef(String code) {
        return new CaseRef(Procedure.E_IKD_ACTIVATION, code);
    }

    /** Counts a citizen's failed attempt at the point, with the officer whose QR code it followed, and refuses it. */
    private IkdRefusal failed(RegistrationEntity row, Code code, Object... args) {
        failures.failure(row.servicePoint(), row.code(), row.qrOfficer(), IkdFailure.of(code), clock.instant());
        return new IkdRefusal(code, args);
    }

    private IkdRefusal failed(String servicePoint, @Nullable String registrationCode, Code code, Object... args) {
        failures.failure(servicePoint, registrationCode, null, IkdFailure.of(code), clock.instant());
        return new IkdRefusal(code, args);
    }

    private RegistrationEntity row(String code) {
        return registrations.findByCode(code == null ? "" : code.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new IkdRefusal(Code.REGISTRATION_NOT_FOUND));
    }

    private RegistrationEntity rowForUpdate(String code) {
        return registrations.findLockedByCode(code == null ? "" : code.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new IkdRefusal(Code.REGISTRATION_NOT_FOUND));
    }

    private String code() {
        StringBuilder code = new StringBuilder("IKD");
        for (int i = 0; i < 9; i++) {
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
