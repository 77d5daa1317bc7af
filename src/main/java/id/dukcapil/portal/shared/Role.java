package id.dukcapil.portal.shared;

/**
 * A staff role. A staff account has one or more.
 */
public enum Role {
    ADMIN(Roles.ADMIN),
    HEAD(Roles.HEAD),
    VERIFIER(Roles.VERIFIER),
    OPERATOR(Roles.OPERATOR),
    PRINT_OPERATOR(Roles.PRINT_OPERATOR),
    REGISTRATION_OPERATOR(Roles.REGISTRATION_OPERATOR),
    RECORDING_OPERATOR(Roles.RECORDING_OPERATOR),
    IKD_OFFICER(Roles.IKD_OFFICER),
    PLANNER(Roles.PLANNER),
    FIELD_OFFICER(Roles.FIELD_OFFICER),
    MANAGER(Roles.MANAGER);

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    /** The Spring Security authority, {@code ROLE_} + name. */
    public String authority() {
        return "ROLE_" + roleName;
    }

    /** The key of the role's display name in the translation bundles. */
    public String labelKey() {
        return "role." + name();
    }
}
