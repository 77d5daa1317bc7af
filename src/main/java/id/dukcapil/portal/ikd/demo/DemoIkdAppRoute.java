package id.dukcapil.portal.ikd.demo;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo IKD app exists only in the demo profile: a production portal has no page that holds a gateway key. */
@Component
@Profile("demo")
class DemoIkdAppRoute implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext()))
                .setAnnotatedRoute(DemoIkdAppView.class);
    }
}
