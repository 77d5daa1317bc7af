package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * The app manifest (Vaadin's {@code @PWA}) is fetched with the user's cookies. A browser fetches a manifest without
 * them unless told otherwise; Vaadin answers such a request with a new session and its cookie, and when that answer
 * came after the sign-in's redirect it replaced the signed-in session: the next request found nobody signed in and
 * the clerk was back at the sign-in page (1 sign-in in 15 on a busy machine). Since the PWA's files start no session
 * of their own ({@link PwaFilesStartNoSession}), the cookie is also what lets the manifest be served at all.
 */
@Component
class ManifestWithCredentials implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> page.getDocument().head().select("link[rel=manifest]")
                .attr("crossorigin", "use-credentials"));
    }
}
