package id.dukcapil.portal.ikd;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.ikd.IkdRefusal.Code;
import id.dukcapil.portal.ikd.internal.FailureLog;
import id.dukcapil.portal.ikd.internal.RegistrationEntity;
import id.dukcapil.portal.ikd.internal.RegistrationRepository;
import id.dukcapil.portal.ikd.internal.RegistrationTransition;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The IKD officer's desk (SOP E): the registrations waiting at the officer's service point, the one-time activation
 * QR code for one that passed the face check, the officer's decision after failed face checks, and the archive.
 */
@Service
@PreAuthorize("hasRole('" + Roles.IKD_OFFICER + "')")
public class IkdDesk {

    /** How long an activation QR code on the officer's screen is valid; then the screen shows a new one. */
    public static final Duration QR_VALIDITY = Duration.ofMinutes(3);

    /** The QR code to show: its content (for the phone) and when it stops being valid. */
    public record ActivationQr(String content, Instant expiresAt) {
    }

    private final RegistrationRepository registrations;
    private final FailureLog failures;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final PersonalDataViews personalData;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IkdDesk(RegistrationRepository registrations, FailureLog failures, StepClock stepClock, AuditLog auditLog,
            CurrentActor currentActor, PersonalDataViews personalData, Clock clock) {
        this.personalData = personalData;
        this.registrations = registrations;
        this.failures = failures;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Today's registrations at the officer's own point not finished, and activations to archive; oldest first. */
    @Transactional(readOnly = true)
    public List<Registration> waiting() {
        return waitingHere().stream().map(RegistrationEntity::toRecord).toList();
    }

    /** The step each of the registrations is in now, by code: the desk's clocks (issue 54). */
    @Transactional(readOnly = true)
    public java.util.Map<String, StepRecord> steps(List<Registration> rows) {
        return stepClock.openSteps(Procedure.E_IKD_ACTIVATION, rows.stream().map(Registration::code).toList());
    }

    /**
     * The citizen this officer was showing a QR code to, not yet scanned (a reload, a crash, a second tab): the desk
     * reopens on them. The code itself is kept only as a hash, so the desk shows a new one in its place.
     */
    @Transactional(readOnly = true)
    public Optional<Registration> showingQr() {
        return waitingHere().stream()
                .filter(row -> row.state() == RegistrationState.FACE_PASSED && row.qrExpiresAt() != null
                        && row.qrHash() != null && currentActor.id().equals(row.qrOfficer()))
                .max(java.util.Comparator.comparing(row -> java.util.Objects.requireNonNull(row.qrExpiresAt())))
                .map(RegistrationEntity::toRecord);
    }

    /**
     * {@link #waiting()} for the desk's screen: each registration not among {@code shownBefore} (the codes the screen
     * listed already) is recorded as seen by its resident's NIK (decision 129, issue 50), once, not at each refresh.
     */
    @Transactional(readOnly = true)
    public List<Registration> listed(Set<String> shownBefore) {
        List<RegistrationEntity> rows = waitingHere();
        List<PersonalData> appeared = rows.stream().filter(row -> !shownBefore.contains(row.code()))
                .map(row -> PersonalData.nik(row.nik())).toList();
        if (!appeared.isEmpty()) {
            personalData.viewed("ikd", appeared);
        }
        return rows.stream().map(RegistrationEntity::toRecord).toList();
    }

    /**
     * A new one-time QR code bound to the registration and to this officer: for a face that passed the check, or to
     * replace a PIN that expired unused.
     */
    @Transactional
    public ActivationQr showQr(String code) {
        RegistrationEntity row = mine(code, true);
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String content = "IKDQR:" + row.code() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(QR_VALIDITY);
        row.showQr(Sha256.hex(content), expires, currentActor.id(), now);
        auditLog.record(AuditRecord.success("ikd.qr-shown", "IkdRegistration", row.code()));
        return new ActivationQr(content, expires);
    }

    /** After the face checks ran out: the citizen tries again another time (the NIK may register again). */
    @Transactional
    public void retryLater(String code) {
        RegistrationEntity row = mine(code, true);
        row.askToRetryLater();
        closedUnactivated(row, IkdFailure.RETRY_LATER, "ikd.retry-later");
    }

    /** After the face checks ran out: refer the citizen to the registry (the registration closes). */
    @Transactional
    public void refer(String code) {
        RegistrationEntity row = mine(code, true);
        row.refer();
        closedUnactivated(row, IkdFailure.REFERRED, "ikd.referred");
    }

    /**
     * The citizen left before the activation was done: the registration closes now rather than at midnight (its NIK
     * may register again), its open steps end abandoned, and the day's report counts it as not finished.
     */
    @Transactional
    public void citizenLeft(String code) {
        RegistrationEntity row = mine(code, true);
        row.expire();
        Instant now = clock.instant();
        failures.failure(row.servicePoint(), row.code(), currentActor.id(), IkdFailure.NOT_FINISHED, now);
        UnfinishedRegistrations.APP_STEPS.forEach(step -> stepClock.abandonIfOpen(Activations.caseRef(row.code()),
                step, now, currentActor.id(), "the citizen left"));
        auditLog.record(AuditRecord.success("ikd.left", "IkdRegistration", row.code()));
    }

    /** The officer's archive checklist is done (every item ticked): SOP E ends for this citizen. */
    @Transactional
    public void archive(String code, Set<ArchiveItem> ticked) {
        if (!ArchiveItem.complete(ticked)) {
            throw new RuleViolation("ikd.archive.incomplete");
        }
        RegistrationEntity row = mine(code, true);
        Instant now = clock.instant();
        row.archive(now, currentActor.id(), ArchiveItem.joined());
        stepClock.leave(Activations.caseRef(row.code()), SopStep.E6_ARCHIVE_AND_REPORT, now, currentActor.id());
        auditLog.record(AuditRecord.success("ikd.archived", "IkdRegistration", row.code())
                .withDetail("checklist: " + ArchiveItem.joined()));
    }

    private void closedUnactivated(RegistrationEntity row, IkdFailure reason, String action) {
        Instant now = clock.instant();
        failures.failure(row.servicePoint(), row.code(), currentActor.id(), reason, now);
        // The selfie was not taken here: step 3 ends abandoned, counted apart (issue 54).
        stepClock.abandonIfOpen(Activations.caseRef(row.code()), SopStep.E3_SELFIE, now, currentActor.id(),
                reason.name());
        auditLog.record(AuditRecord.success(action, "IkdRegistration", row.code()));
    }

    private Instant startOfToday() {
        return java.time.LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
    }

    private List<RegistrationEntity> waitingHere() {
        return registrations.waiting(myPoint(), RegistrationTransition.unfinished(), startOfToday(), Limit.of(200));
    }

    /** A registration of the officer's own point; locked to change it (the citizen's phone may be at it too). */
    private RegistrationEntity mine(String code, boolean toChange) {
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        RegistrationEntity row = (toChange ? registrations.findLockedByCode(normalized)
                : registrations.findByCode(normalized))
                .orElseThrow(() -> new IkdRefusal(Code.REGISTRATION_NOT_FOUND));
        if (!row.servicePoint().equals(myPoint())) {
            throw new RuleViolation("ikd.desk.other-point", row.servicePoint());
        }
        return row;
    }

    private String myPoint() {
        return currentActor.servicePoint();
    }
}
