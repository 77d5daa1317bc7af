package id.dukcapil.portal.ikd;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An IKD activation as the app and the officer's desk see it: no PIN, no QR, the NIK masked. */
public record Registration(String code, String maskedNik, String fullName, String servicePoint,
                           RegistrationState state, int faceAttempts, Instant registeredAt,
                           @Nullable Instant activatedAt, @Nullable Instant pinExpiresAt) {

    /** A PIN was e-mailed and ran out unused: the officer shows a new QR code. */
    public boolean pinExpired(Instant now) {
        return state == RegistrationState.PIN_SENT && pinExpiresAt != null && !now.isBefore(pinExpiresAt);
    }
}
