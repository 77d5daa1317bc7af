package id.dukcapil.portal.shared;

/**
 * The role names of ARCHITECTURE.md as compile-time constants, for {@code @RolesAllowed} and
 * {@code @PreAuthorize} on views and services of every module.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    /** Kepala Dinas, the head of the office, who signs. */
    public static final String HEAD = "HEAD";
    /** JFM verifier or administrator official. */
    public static final String VERIFIER = "VERIFIER";
    public static final String OPERATOR = "OPERATOR";
    public static final String PRINT_OPERATOR = "PRINT_OPERATOR";
    public static final String REGISTRATION_OPERATOR = "REGISTRATION_OPERATOR";
    public static final String RECORDING_OPERATOR = "RECORDING_OPERATOR";
    public static final String IKD_OFFICER = "IKD_OFFICER";
    public static final String PLANNER = "PLANNER";
    public static final String FIELD_OFFICER = "FIELD_OFFICER";
    public static final String MANAGER = "MANAGER";

    // Not staff roles: the API's callers carry them, and no view opens for them.
    /** The IKD app's gateway (SOP B intake, SOP E registration). */
    public static final String IKD_GATEWAY = "IKD_GATEWAY";
    /** An ADM kiosk, which prints released documents. */
    public static final String ADM_KIOSK = "ADM_KIOSK";
    /** A citizen signed in to the BDS app. */
    public static final String CITIZEN = "CITIZEN";

    private Roles() {
    }
}
