package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.kkprint.KkPrintRefusal.Code;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.kkprint.internal.KkReleaseEntity;
import id.dukcapil.portal.kkprint.internal.KkReleaseRepository;
import id.dukcapil.portal.kkprint.internal.KkRequestEntity;
import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import id.dukcapil.portal.kkprint.internal.Transition;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.barcode.Codes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import org.springframework.data.domain.Limit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP B steps 8–9: the signed card comes back, and the requester gets a QR code and a single-use PIN by e-mail
 * to print it at an ADM kiosk. The PIN is kept only as a hash; a new PIN voids the old one.
 */
@Service
public class KkDelivery {

    public static final int PIN_DIGITS = 6;
    private static final int QR_RANDOM_BYTES = 24;

    private final KkRequestRepository store;
    private final KkReleaseRepository releases;
    private final Lifecycle lifecycle;
    private final CitizenMail mail;
    private final PasswordEncoder pinEncoder;
    private final Clock clock;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();

    KkDelivery(KkRequestRepository store, KkReleaseRepository releases, Lifecycle lifecycle, CitizenMail mail,
               PasswordEncoder pinEncoder, Clock clock,
               @Value("${portal.kkprint.release-validity:P30D}") Duration validity) {
        this.store = store;
        this.releases = releases;
        this.lifecycle = lifecycle;
        this.mail = mail;
        this.pinEncoder = pinEncoder;
        this.clock = clock;
        this.validity = validity;
    }

    /**
     * The Kepala Dinas signed ({@link SigningOutcomes}, with no user): the document is kept, the
     * request is SIGNED, and delivered at once (step 9 from signature to e-mail, then step 10 at the kiosk).
     */
    @Transactional
    public void signed(String trackingNumber, byte[] signedPdf, Instant signedAt, String signedBy) {
        KkRequestEntity request = byTracking(trackingNumber);
        if (!request.can(Transition.SIGNED_BY_HEAD)) {
            if (alreadyMoved(request, Transition.SIGNED_BY_HEAD, signedAt)) {
                return; // the signing event delivered again (a resubmission): the card went out the first time
            }
            throw new IllegalStateException("Request " + trackingNumber + " is not waiting for a signature");
        }
        lifecycle.record(request, request.sign(), null, signedAt, Lifecycle.staff(signedBy));
        store.saveDocument(request.id(), signedPdf, signedAt, signedBy);
        lifecycle.record(request, request.deliver(), null);
        newRelease(request);
    }

    /** The Kepala Dinas sent it back: the request returns to verification with the reason. */
    @Transactional
    public void returnedBySigner(String trackingNumber, String reason, Instant returnedAt, String returnedBy) {
        KkRequestEntity request = byTracking(trackingNumber);
        if (!request.can(Transition.SIGNATURE_RETURNED)) {
            if (alreadyMoved(request, Transition.SIGNATURE_RETURNED, returnedAt)) {
                return;
            }
            throw new IllegalStateException("Request " + trackingNumber + " is not waiting for a signature");
        }
        lifecycle.record(request, request.returnSignature(), reason, returnedAt, Lifecycle.staff(returnedBy));
    }

    /**
     * Whether the request made this move at this moment already: the signing module's event came a second time (a
     * publication resubmitted after its first run committed but was not marked done), and has nothing left to do.
     */
    private boolean alreadyMoved(KkRequestEntity request, Transition move, Instant at) {
        Instant kept = at.truncatedTo(ChronoUnit.MILLIS); // the history keeps milliseconds
        return KkRequests.history(store, request.id()).stream().anyMatch(entry -> entry.from() == move.from()
                && entry.to() == move.to() && entry.at().equals(kept));
    }

    /** A new QR code and PIN, the old ones void: the citizen lost the mail, or wants a reprint. */
    @Transactional
    @PreAuthorize("hasAnyRole('" + Roles.OPERATOR + "', '" + Roles.ADMIN + "')")
    public void resend(long id) {
        KkRequestEntity request = byId(id);
        if (!EnumSet.of(RequestState.DELIVERED, RequestState.PRINTED).contains(request.state())) {
            throw new RuleViolation("kkprint.resend.not-delivered", request.trackingNumber());
        }
        endUsable(id, ReleaseState.VOID);
        lifecycle.note(request, Transition.PIN_RESENT, "new-pin");
        newRelease(request);
    }

    /** No kiosk releases it any more (a card issued in error, a complaint): REVOKED with the reason. */
    @Transactional
    @PreAuthorize("hasAnyRole('" + Roles.OPERATOR + "', '" + Roles.VERIFIER + "', '" + Roles.ADMIN + "')")
    public void revoke(long id, String reason) {
        String text = KkRequests.reason(reason);
        KkRequestEntity request = byId(id);
        if (!request.can(Transition.REVOKED_RELEASE)) {
            throw new RuleViolation("kkprint.revoke.not-delivered", request.trackingNumber());
        }
        lifecycle.record(request, request.revoke(), text);
        endUsable(id, ReleaseState.REVOKED);
    }

    /** Ends releases past their validity; their requests become EXPIRED. Returns how many. */
    @Transactional
    public int expireDue(int limit) {
        int expired = 0;
        for (KkReleaseEntity release : releases.expired(clock.instant(), Limit.of(limit))) {
            KkRequestEntity request = byId(release.requestId());
            endUsable(release.requestId(), ReleaseState.EXPIRED);
            if (request.can(Transition.EXPIRED_RELEASE)) {
                lifecycle.record(request, request.expire(), null);
            }
            expired++;
        }
        return expired;
    }

    /**
     * Reminds each citizen whose QR code and PIN expire within {@code ahead} and are not used yet, once per
     * release. Returns how many were reminded.
     */
    @Transactional
    public int remindExpiring(Duration ahead, int limit) {
        Instant now = clock.instant();
        int reminded = 0;
        for (KkReleaseEntity release : releases.expiringUnreminded(now, now.plus(ahead), Limit.of(limit))) {
            if (releases.markReminded(release.id(), now) != 1) {
                continue;
            }
            KkRequestEntity request = byId(release.requestId());
            String expiresOn = PortalMessages.DATE.format(LocalDate.ofInstant(release.expiresAt(), clock.getZone()));
            mail.expiringSoon(request, release.id(), expiresOn);
            lifecycle.note(request, Transition.REMINDED, null);
            reminded++;
        }
        return reminded;
    }

    /** Ends the request's releases still usable (a new PIN voids the old; a revocation or expiry ends all). */
    private void endUsable(long requestId, ReleaseState ending) {
        releases.findLockedByRequestIdAndStateIn(requestId, KkReleaseEntity.USABLE).forEach(release -> release.end(ending));
    }

    private void newRelease(KkRequestEntity request) {
        byte[] bytes = new byte[QR_RANDOM_BYTES];
        random.nextBytes(bytes);
        String qrContent = "KKPRINT:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String pin = "%06d".formatted(random.nextInt(1_000_000));
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        releases.save(new KkReleaseEntity(request.id(), qrContent, pinEncoder.encode(pin), now, expires));
        mail.delivered(request, qrContent, Codes.png(Codes.qr(qrContent)), pin,
                PortalMessages.DATE.format(LocalDate.ofInstant(expires, clock.getZone())));
    }

    /** The request, locked: the signing events and a desk's action on it queue up. */
    private KkRequestEntity byTracking(String trackingNumber) {
        return store.findLockedByTrackingNumber(trackingNumber).orElseThrow(() -> new KkPrintRefusal(Code.REQUEST_NOT_FOUND));
    }

    private KkRequestEntity byId(long id) {
        return store.findLockedById(id).orElseThrow(() -> new KkPrintRefusal(Code.REQUEST_NOT_FOUND));
    }
}
