package id.dukcapil.portal.shared.web;

import com.vaadin.flow.server.VaadinRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The network address of the client being served: the request's remote address, which is the client's and not a
 * proxy's when {@code server.forward-headers-strategy} is set, Tomcat believing {@code X-Forwarded-For} only from the
 * proxies listed in {@code TRUSTED_PROXIES} ({@link TrustedProxies}; decisions 065 and 074). The portal never reads the
 * header itself.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The address, or empty outside a request (a job, a listener). */
    public static Optional<String> current() {
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null && vaadin.getRemoteAddr() != null) {
            return Optional.of(vaadin.getRemoteAddr());
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable(attributes.getRequest().getRemoteAddr());
        }
        return Optional.empty();
    }
}
