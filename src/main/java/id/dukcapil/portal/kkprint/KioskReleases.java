package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.kkprint.KkPrintRefusal.Code;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.kkprint.internal.KkReleaseEntity;
import id.dukcapil.portal.kkprint.internal.KkReleaseRepository;
import id.dukcapil.portal.kkprint.internal.KkRequestEntity;
import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import id.dukcapil.portal.kkprint.internal.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP B step 10: an ADM kiosk scans the QR code, the citizen types the PIN, and the kiosk gets the signed card to
 * print, once. Five wrong PINs lock the release; a reprint needs a new PIN. A PIN that is not six digits is refused
 * without counting (a kiosk's keypad glitch must not burn a citizen's tries), and the kiosk that received the card
 * may fetch it again for a few minutes with the same QR code and PIN, in case its answer was lost on the way.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADM_KIOSK + "')")
public class KioskReleases {

    public static final int MAX_WRONG_PINS = 5;
    /** How long the kiosk that received a card may fetch it again (its answer lost on a bad network). */
    public static final Duration REPEAT_WINDOW = Duration.ofMinutes(5);

    private final KkReleaseRepository releases;
    private final KkRequestRepository store;
    private final Lifecycle lifecycle;
    private final PasswordEncoder pinEncoder;
    private final AuditLog auditLog;
    private final Clock clock;

    KioskReleases(KkReleaseRepository releases, KkRequestRepository store, Lifecycle lifecycle, PasswordEncoder pinEncoder,
                  AuditLog auditLog, Clock clock) {
        this.releases = releases;
        this.store = store;
        this.lifecycle = lifecycle;
        this.pinEncoder = pinEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The document released to a kiosk. */
    public record ReleasedDocument(String trackingNumber, byte[] pdf) {
    }

    /**
     * The signed PDF for the QR content and PIN, or a refusal with its code. A wrong PIN is counted even though
     * the call is refused (the count must survive the refusal).
     */
    @Transactional(noRollbackFor = KkPrintRefusal.class)
    public ReleasedDocument release(ApiClient kiosk, String qrContent, @Nullable String pin) {
        if (pin == null || !pin.matches("\\d{" + KkDelivery.PIN_DIGITS + "}")) {
            throw new KkPrintRefusal(Code.MALFORMED_PIN, KkDelivery.PIN_DIGITS);
        }
        KkReleaseEntity release = releases.findLockedByQrContent(qrContent.strip())
                .orElseThrow(() -> refused(Code.RELEASE_NOT_FOUND, kiosk, "?"));
        KkRequestEntity request = store.findLockedById(release.requestId()).orElseThrow();
        String tracking = request.trackingNumber();
        Instant now = clock.instant();
        switch (release.state()) {
            case RELEASED -> {
                return repeated(release, request, kiosk, pin, now);
            }
            case LOCKED -> throw refused(Code.RELEASE_LOCKED, kiosk, tracking);
            case REVOKED -> throw refused(Code.REVOKED, kiosk, tracking);
            case EXPIRED -> throw refused(Code.EXPIRED, kiosk, tracking);
            case VOID -> throw refused(Code.REPLACED, kiosk, tracking);
            case ACTIVE -> {
                // handled below
            }
        }
        if (!now.isBefore(release.expiresAt())) {
            throw refused(Code.EXPIRED, kiosk, tracking);
        }
        if (!pinEncoder.matches(pin, release.pinHash())) {
            // Counted on the locked row and written at the commit, which the refusal does not roll back.
            int left = release.wrongPin(MAX_WRONG_PINS);
            throw refused(left == 0 ? Code.RELEASE_LOCKED : Code.WRONG_PIN, kiosk, tracking, left);
        }
        release.release(now, kiosk.id());
        String where = kiosk.name() + (kiosk.location() == null ? "" : ", " + kiosk.location());
        if (request.can(Transition.PRINTED_AT_KIOSK)) {
            lifecycle.record(request, request.print(), where);
        } else {
            lifecycle.note(request, Transition.REPRINTED, where);
        }
        byte[] pdf = store.document(request.id()).orElseThrow();
        return new ReleasedDocument(tracking, pdf);
    }

    /** The same card again, to the kiosk that received it, within the repeat window and with the right PIN. */
    private ReleasedDocument repeated(KkReleaseEntity release, KkRequestEntity request, ApiClient kiosk,
                                      String pin, Instant now) {
        String tracking = request.trackingNumber();
        boolean sameKiosk = release.kioskId() != null && release.kioskId().longValue() == kiosk.id();
        boolean inWindow = release.releasedAt() != null && now.isBefore(release.releasedAt().plus(REPEAT_WINDOW));
        if (!sameKiosk || !inWindow || !pinEncoder.matches(pin, release.pinHash())) {
            throw refused(Code.ALREADY_RELEASED, kiosk, tracking);
        }
        auditLog.record(new AuditRecord("kkprint.release.repeated", "KkPrintRequest", tracking, Outcome.SUCCESS,
                "kiosk " + kiosk.name()));
        return new ReleasedDocument(tracking, store.document(request.id()).orElseThrow());
    }

    private KkPrintRefusal refused(Code code, ApiClient kiosk, String tracking, Object... args) {
        auditLog.record(new AuditRecord("kkprint.release.refused", "KkPrintRequest", tracking, Outcome.FAILURE,
                code + " at kiosk " + kiosk.name()));
        return new KkPrintRefusal(code, args);
    }
}
