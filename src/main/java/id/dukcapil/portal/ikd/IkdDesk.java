package id.dukcapil.portal.ikd;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.ikd.IkdRefusal.Code;
import id.dukcapil.portal.ikd.internal.RegistrationStore;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

    private final RegistrationStore store;
    private final StepClock stepClock;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IkdDesk(RegistrationStore store, StepClock stepClock, AuditLog auditLog, CurrentActor currentActor, Clock clock) {
        this.store = store;
        this.stepClock = stepClock;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Today's registrations at the officer's own point not finished, and activations to archive; oldest first. */
    @Transactional(readOnly = true)
    public List<Registration> waiting() {
        return store.waiting(myPoint(), startOfToday()).stream().map(Registration::of).toList();
    }

    /**
     * The citizen this officer was showing a QR code to, not yet scanned (a reload, a crash, a second tab): the desk
     * reopens on them. The code itself is kept only as a hash, so the desk shows a new one in its place.
     */
    @Transactional(readOnly = true)
    public Optional<Registration> showingQr() {
        return store.waiting(myPoint(), startOfToday()).stream()
                .filter(row -> row.state() == RegistrationState.FACE_PASSED && row.qrHash() != null
                        && currentActor.id().equals(row.qrOfficer()))
                .max(java.util.Comparator.comparing(RegistrationStore.Row::qrExpiresAt))
                .map(Registration::of);
    }

    /**
     * The whole NIK behind a registration of the officer's point, which the desk shows masked: for the log of who saw
     * whose data (decision 129), never for the screen.
     */
    @Transactional(readOnly = true)
    public String nikOf(String code) {
        return mine(code).nik();
    }

    /**
     * A new one-time QR code bound to the registration and to this officer: for a face that passed the check, or to
     * replace a PIN that expired unused.
     */
    @Transactional
    public ActivationQr showQr(String code) {
        RegistrationStore.Row row = mine(code);
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String content = "IKDQR:" + row.code() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(QR_VALIDITY);
        if (!store.qrShown(row.id(), Sha256.hex(content), expires, currentActor.id(), now)) {
            throw new IkdRefusal(Code.WRONG_STATE, row.state().name());
        }
        auditLog.record(AuditRecord.success("ikd.qr-shown", "IkdRegistration", row.code()));
        return new ActivationQr(content, expires);
    }

    /** After the face checks ran out: the citizen tries again another time (the NIK may register again). */
    @Transactional
    public void retryLater(String code) {
        closeUnactivated(code, RegistrationState.RETRY_LATER, IkdFailure.RETRY_LATER, "ikd.retry-later");
    }

    /** After the face checks ran out: refer the citizen to the registry (the registration closes). */
    @Transactional
    public void refer(String code) {
        closeUnactivated(code, RegistrationState.REFERRED, IkdFailure.REFERRED, "ikd.referred");
    }

    /** The officer's archive checklist is done (every item ticked): SOP E ends for this citizen. */
    @Transactional
    public void archive(String code, Set<ArchiveItem> ticked) {
        RegistrationStore.Row row = mine(code);
        if (!ArchiveItem.complete(ticked)) {
            throw new RuleViolation("ikd.archive.incomplete");
        }
        Instant now = clock.instant();
        if (!store.archived(row.id(), now, currentActor.id(), ArchiveItem.joined())) {
            throw new IkdRefusal(Code.WRONG_STATE, row.state().name());
        }
        stepClock.leave(Activations.caseRef(row.code()), SopStep.E6_ARCHIVE_AND_REPORT, now, currentActor.id());
        auditLog.record(AuditRecord.success("ikd.archived", "IkdRegistration", row.code())
                .withDetail("checklist: " + ArchiveItem.joined()));
    }

    private void closeUnactivated(String code, RegistrationState to, IkdFailure reason, String action) {
        RegistrationStore.Row row = mine(code);
        if (!store.close(row.id(), RegistrationState.NEEDS_OFFICER, to)) {
            throw new IkdRefusal(Code.WRONG_STATE, row.state().name());
        }
        Instant now = clock.instant();
        store.failure(row.servicePoint(), row.code(), currentActor.id(), reason, now);
        stepClock.leaveIfOpen(Activations.caseRef(row.code()), SopStep.E3_SELFIE, now, currentActor.id());
        auditLog.record(AuditRecord.success(action, "IkdRegistration", row.code()));
    }

    private Instant startOfToday() {
        return java.time.LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
    }

    private RegistrationStore.Row mine(String code) {
        RegistrationStore.Row row = store.byCode(code.strip().toUpperCase(Locale.ROOT))
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
