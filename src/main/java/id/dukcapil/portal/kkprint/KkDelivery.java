package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.kkprint.KkPrintRefusal.Code;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.kkprint.internal.Transition;
import id.dukcapil.portal.kkprint.internal.ReleaseStore;
import id.dukcapil.portal.kkprint.internal.RequestStore;
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

    private final RequestStore store;
    private final ReleaseStore releases;
    private final Lifecycle lifecycle;
    private final CitizenMail mail;
    private final PasswordEncoder pinEncoder;
    private final Clock clock;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();

    KkDelivery(RequestStore store, ReleaseStore releases, Lifecycle lifecycle, CitizenMail mail,
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
        RequestStore.Row request = byTracking(trackingNumber);
        if (!lifecycle.apply(request, Transition.SIGNED_BY_HEAD, null, signedAt, Lifecycle.staff(signedBy))) {
            if (alreadyMoved(request, Transition.SIGNED_BY_HEAD, signedAt)) {
                return; // the signing event delivered again (a resubmission): the card went out the first time
            }
            throw new IllegalStateException("Request " + trackingNumber + " is not waiting for a signature");
        }
        releases.saveDocument(request.id(), signedPdf, signedAt, signedBy);
        RequestStore.Row signed = byTracking(trackingNumber);
        lifecycle.apply(signed, Transition.DELIVERED_BY_EMAIL, null);
        newRelease(signed);
    }

    /** The Kepala Dinas sent it back: the request returns to verification with the reason. */
    @Transactional
    public void returnedBySigner(String trackingNumber, String reason, Instant returnedAt, String returnedBy) {
        RequestStore.Row request = byTracking(trackingNumber);
        if (!lifecycle.apply(request, Transition.SIGNATURE_RETURNED, reason, returnedAt,
                Lifecycle.staff(returnedBy)) && !alreadyMoved(request, Transition.SIGNATURE_RETURNED, returnedAt)) {
            throw new IllegalStateException("Request " + trackingNumber + " is not waiting for a signature");
        }
    }

    /**
     * Whether the request made this move at this moment already: the signing module's event came a second time (a
     * publication resubmitted after its first run committed but was not marked done), and has nothing left to do.
     */
    private boolean alreadyMoved(RequestStore.Row request, Transition move, Instant at) {
        Instant kept = at.truncatedTo(ChronoUnit.MILLIS); // the history keeps milliseconds
        return store.history(request.id()).stream().anyMatch(entry -> entry.from() == move.from()
                && entry.to() == move.to() && entry.at().equals(kept));
    }

    /** A new QR code and PIN, the old ones void: the citizen lost the mail, or wants a reprint. */
    @Transactional
    @PreAuthorize("hasAnyRole('" + Roles.OPERATOR + "', '" + Roles.ADMIN + "')")
    public void resend(long id) {
        RequestStore.Row request = byId(id);
        if (!EnumSet.of(RequestState.DELIVERED, RequestState.PRINTED).contains(request.state())) {
            throw new RuleViolation("kkprint.resend.not-delivered", request.trackingNumber());
        }
        releases.endActive(id, ReleaseState.VOID);
        lifecycle.note(request, Transition.PIN_RESENT, "new-pin");
        newRelease(request);
    }

    /** No kiosk releases it any more (a card issued in error, a complaint): REVOKED with the reason. */
    @Transactional
    @PreAuthorize("hasAnyRole('" + Roles.OPERATOR + "', '" + Roles.VERIFIER + "', '" + Roles.ADMIN + "')")
    public void revoke(long id, String reason) {
        String text = KkRequests.reason(reason);
        RequestStore.Row request = byId(id);
        if (!lifecycle.apply(request, Transition.REVOKED_RELEASE, text)) {
            throw new RuleViolation("kkprint.revoke.not-delivered", request.trackingNumber());
        }
        releases.endActive(id, ReleaseState.REVOKED);
    }

    /** Ends releases past their validity; their requests become EXPIRED. Returns how many. */
    @Transactional
    public int expireDue(int limit) {
        int expired = 0;
        for (ReleaseStore.Release release : releases.expired(clock.instant(), limit)) {
            releases.endActive(release.requestId(), ReleaseState.EXPIRED);
            RequestStore.Row request = byId(release.requestId());
            if (request.state() == RequestState.DELIVERED) {
                lifecycle.apply(request, Transition.EXPIRED_RELEASE, null);
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
        for (ReleaseStore.Release release : releases.expiringUnreminded(now, now.plus(ahead), limit)) {
            if (!releases.markReminded(release.id(), now)) {
                continue;
            }
            RequestStore.Row request = byId(release.requestId());
            String expiresOn = PortalMessages.DATE.format(LocalDate.ofInstant(release.expiresAt(), clock.getZone()));
            mail.expiringSoon(request, release.id(), expiresOn);
            lifecycle.note(request, Transition.REMINDED, null);
            reminded++;
        }
        return reminded;
    }

    private void newRelease(RequestStore.Row request) {
        byte[] bytes = new byte[QR_RANDOM_BYTES];
        random.nextBytes(bytes);
        String qrContent = "KKPRINT:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String pin = "%06d".formatted(random.nextInt(1_000_000));
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        releases.insert(request.id(), qrContent, pinEncoder.encode(pin), now, expires);
        mail.delivered(request, qrContent, Codes.png(Codes.qr(qrContent)), pin,
                PortalMessages.DATE.format(LocalDate.ofInstant(expires, clock.getZone())));
    }

    private RequestStore.Row byTracking(String trackingNumber) {
        return store.findByTrackingNumber(trackingNumber).orElseThrow(() -> new KkPrintRefusal(Code.REQUEST_NOT_FOUND));
    }

    private RequestStore.Row byId(long id) {
        return store.find(id).orElseThrow(() -> new KkPrintRefusal(Code.REQUEST_NOT_FOUND));
    }
}
