package id.dukcapil.portal.kkprint;

/** A QR + PIN release: waiting at the kiosks, used once, locked after wrong PINs, void, revoked or expired. */
public enum ReleaseState {
    ACTIVE, RELEASED, LOCKED, VOID, REVOKED, EXPIRED;

    public String labelKey() {
        return "kkprint.release." + name();
    }
}
