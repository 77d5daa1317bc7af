package id.dukcapil.portal.notification.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;

/**
 * The demo mailbox's route in the running test portal, whose mail goes to GreenMail: registered as
 * {@link MailboxRoute} registers it where the demo mailbox is the transport, and removed again so that the other
 * tests sharing the portal see the admin's menu as it is in the test profile.
 */
public final class DemoMailboxRoute {

    private DemoMailboxRoute() {
    }

    public static void register(ServletContext servletContext) {
        routes(servletContext).setAnnotatedRoute(MailboxView.class);
    }

    public static void remove(ServletContext servletContext) {
        routes(servletContext).removeRoute(MailboxView.class);
    }

    private static RouteConfiguration routes(ServletContext servletContext) {
        return RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext)));
    }
}
