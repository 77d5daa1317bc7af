package id.dukcapil.portal;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationTester;

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
}
