package id.dukcapil.portal.notification.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import id.dukcapil.portal.notification.demo.DemoMailbox;
import org.springframework.stereotype.Component;

/** The mailbox view exists only where the demo mailbox is the transport: nowhere near a real mail server. */
@Component
class MailboxRoute implements VaadinServiceInitListener {

    private final DemoMailbox mailbox;

    MailboxRoute(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (mailbox.active()) {
            RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext()))
                    .setAnnotatedRoute(MailboxView.class);
        }
    }
}
