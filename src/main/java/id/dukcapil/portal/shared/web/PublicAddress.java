package id.dukcapil.portal.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address citizens reach the portal at, for the links in e-mails and on documents (decision 103): the
 * configured {@code PORTAL_PUBLIC_URL} when the office set one; else the address of the request being served, as the
 * proxy forwarded it (scheme, host and port; the server believes forwarded headers only from its proxies); outside a
 * request (an e-mail sent later) the last such address seen; before any request, this server's own port.
 */
@Component
public class PublicAddress {

    private final String configured;
    private final AtomicReference<String> lastSeen = new AtomicReference<>();

    PublicAddress(@Value("${portal.public-url:}") String configured) {
        this.configured = withoutTrailingSlash(configured.strip());
    }

    /** {@code https://host[:port]} without a trailing slash: append a path starting with "/". */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String seen = withoutTrailingSlash(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
            lastSeen.set(seen);
            return seen;
        }
        String seen = lastSeen.get();
        return seen != null ? seen : "http://localhost:8080";
    }

    /** Before the first request: this server's own address, on the port it really listens on. */
    @EventListener
    void on(WebServerInitializedEvent started) {
        lastSeen.compareAndSet(null, "http://localhost:" + started.getWebServer().getPort());
    }

    private static String withoutTrailingSlash(String url) {
        return url.replaceAll("/+$", "");
    }
}
