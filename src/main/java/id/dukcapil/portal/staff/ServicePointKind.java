package id.dukcapil.portal.staff;

/** Where a service point is. */
public enum ServicePointKind {
    /** The Dinas office itself. */
    DINAS,
    /** A desk in a public-service mall (Mal Pelayanan Publik). */
    MPP,
    /** The service unit (Unit Kerja Layanan) of a kecamatan. */
    UKL;

    /** The key of the kind's display name in the translation bundles. */
    public String labelKey() {
        return "staff.point.kind." + name();
    }
}
