package id.dukcapil.portal.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address citizens reach the portal at, for the links in e-mails and on documents (decisions 103 and 118): the
 * configured {@code PORTAL_PUBLIC_URL} when the office set one; else the address of the request being served if its
 * host is one the office allowed ({@code PORTAL_ALLOWED_HOSTS}); else the first allowed address. The Host header is
 * the client's to write: a request to a host not on the list changes no link, its own nor a later one.
 */
@Component
public class PublicAddress {

    private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

    private final String configured;
    private final List<AllowedHost> allowed;
    /** The port this server listens on: what an allowed host with port 0 means (the demo's, the tests' random one). */
    private volatile int serverPort = 8080;

    PublicAddress(@Value("${portal.public-url:}") String configured, @Value("${portal.allowed-hosts:}") String allowedHosts) {
        this.configured = withoutTrailingSlash(configured.strip());
        this.allowed = Arrays.stream(allowedHosts.split(",")).map(String::strip).filter(entry -> !entry.isEmpty())
                .map(AllowedHost::parse).toList();
    }

    /** {@code https://host[:port]} without a trailing slash: append a path starting with "/". */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            if (allowed.stream().anyMatch(host -> host.matches(request, serverPort))) {
                return withoutTrailingSlash(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
            }
        }
        return allowed.isEmpty() ? "http://localhost:" + serverPort : allowed.getFirst().address(serverPort);
    }

    @EventListener
    void on(WebServerInitializedEvent started) {
        if (started.getApplicationContext().getServerNamespace() != null) {
            return; // the management port's own server (decision 178): links name the portal's port
        }
        serverPort = started.getWebServer().getPort();
        if (configured.isEmpty() && allowed.isEmpty()) {
            log.warn("Neither portal.public-url (PORTAL_PUBLIC_URL) nor portal.allowed-hosts (PORTAL_ALLOWED_HOSTS) is "
                    + "set: links in e-mails and on proofs point at http://localhost:{}", serverPort);
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.replaceAll("/+$", "");
    }

    /**
     * One entry of the list: {@code [scheme://]host[:port]}. Without a scheme it matches either, as the request (or
     * the trusted proxy) says; without a port, the scheme's default; port 0 is this server's own port.
     */
    record AllowedHost(@Nullable String scheme, String host, int port) {

        private static final int DEFAULT_PORT = -1;

        static AllowedHost parse(String entry) {
            String rest = entry.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            String scheme = null;
            int schemeEnd = rest.indexOf("://");
            if (schemeEnd >= 0) {
                scheme = rest.substring(0, schemeEnd);
                rest = rest.substring(schemeEnd + 3);
            }
            int colon = rest.lastIndexOf(':');
            if (colon > 0 && !rest.endsWith("]")) {
                return new AllowedHost(scheme, rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)));
            }
            return new AllowedHost(scheme, rest, DEFAULT_PORT);
        }

        boolean matches(HttpServletRequest request, int serverPort) {
            String requestScheme = request.getScheme().toLowerCase(Locale.ROOT);
            return (scheme == null || scheme.equals(requestScheme)) && host.equalsIgnoreCase(request.getServerName())
                    && port(requestScheme, serverPort) == request.getServerPort();
        }

        String address(int serverPort) {
            String shown = scheme == null ? "http" : scheme;
            return shown + "://" + host + (port == DEFAULT_PORT ? "" : ":" + port(shown, serverPort));
        }

        private int port(String scheme, int serverPort) {
            return port == DEFAULT_PORT ? ("https".equals(scheme) ? 443 : 80) : port == 0 ? serverPort : port;
        }
    }
}
