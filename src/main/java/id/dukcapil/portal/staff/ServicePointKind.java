package id.dukcapil.portal.staff;

/** Where a service point is. */
public enum ServicePointKind {
    /** The Dinas office itself. */
    DINAS,
    /** A desk in a public-service mall (Mal Pelayanan Publik). */
    MPP,
    /** The service unit (Unit Kerja Layanan) of a kecamatan. */
    UKL
}
