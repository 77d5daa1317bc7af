package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationTester;
import id.dukcapil.portal.shared.ui.HomeView;

/**
 * A browserless view test: real views, services and database, no browser. Annotate the test with the user it
 * runs as, e.g. {@code @WithUserDetails("admin")}.
 */
@PortalTest
public abstract class PortalViewTest extends SpringBrowserlessTest {

    /** The text of the notification shown last. */
    protected String lastNotification() {
        Notification notification = find(Notification.class).last();
        return new NotificationTester<>(notification).getText();
    }

    /**
     * The page opened anew (a reload, a crash, a second tab): the view built again from what the server keeps. The
     * router reuses a view navigated to from itself, so the test goes by the home page, as a reload starts afresh;
     * the dialogs the old page had open go with it, as they would in the browser.
     */
    protected <T extends Component> T reload(Class<T> view) {
        Object before = getCurrentView();
        find(Dialog.class).all().forEach(Dialog::close);
        find(ConfirmDialog.class).all().forEach(ConfirmDialog::close);
        navigate(HomeView.class);
        T reloaded = navigate(view);
        assertThat(reloaded).as("a new view, not the one on screen before").isNotSameAs(before);
        return reloaded;
    }
}
