package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.shared.Roles;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A system that calls the portal's API with its own key: the IKD gateway or one ADM kiosk.
 *
 * @param keyHint the key's first characters, so an ADMIN can tell keys apart without the key
 */
public record ApiClient(long id, Kind kind, String name, @Nullable String location, String keyHint,
                        Instant createdAt, String createdBy, @Nullable Instant revokedAt) {

    public static final int NAME_MAX_LENGTH = 80;
    public static final int LOCATION_MAX_LENGTH = 120;
    public static final int KEY_HINT_LENGTH = 8;

    public enum Kind {
        /** The IKD app's gateway: submits requests and reads their status. */
        GATEWAY(Roles.IKD_GATEWAY),
        /** An ADM kiosk: releases signed documents for a QR code and PIN. */
        KIOSK(Roles.ADM_KIOSK);

        private final String role;

        Kind(String role) {
            this.role = role;
        }

        /** The role its requests carry (not a staff role: no view opens for it). */
        public String role() {
            return role;
        }

        public String labelKey() {
            return "kkprint.client.kind." + name();
        }
    }

    public boolean active() {
        return revokedAt == null;
    }
}
