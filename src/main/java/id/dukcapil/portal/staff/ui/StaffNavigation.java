package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.component.Component;

/** Links into the staff module's views, for other parts of the portal. */
public final class StaffNavigation {

    private StaffNavigation() {
    }

    /** The sign-in page's {@code error} value after too many failed tries (the failure handler sets it). */
    public static final String SIGN_IN_LOCKED = "locked";

    public static Class<? extends Component> loginView() {
        return LoginView.class;
    }

    public static Class<? extends Component> changePasswordView() {
        return ChangePasswordView.class;
    }

    public static Class<? extends Component> staffAdministrationView() {
        return StaffAdminView.class;
    }
}
