package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import id.dukcapil.portal.outpost.OutpostProperties;
import org.springframework.stereotype.Component;

/** The outpost's screens exist only on a node that is an outpost ({@code portal.outpost.enabled}). */
@Component
class OutpostRoute implements VaadinServiceInitListener {

    private final OutpostProperties settings;

    OutpostRoute(OutpostProperties settings) {
        this.settings = settings;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (settings.enabled()) {
            RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext()))
                    .setAnnotatedRoute(OutpostView.class);
            RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext()))
                    .setAnnotatedRoute(KecamatanView.class);
            RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext()))
                    .setAnnotatedRoute(DayBoardView.class);
        }
    }
}
