package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.component.Component;

/** Links into the staff module's views, for other parts of the portal. */
public final class StaffNavigation {

    private StaffNavigation() {
    }

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
