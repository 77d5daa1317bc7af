package id.dukcapil.portal.shared.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} Tomcat believes: only the addresses the
 * office lists in {@code TRUSTED_PROXIES} (none by default, loopback in the demo). Tomcat's own default believes any
 * private or loopback peer, so anyone on the office network could name any client address and start every
 * per-address limit afresh (issue 41, decision 065).
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final String internalProxies;

    TrustedProxies(@Value("${portal.trusted-proxies:}") String addresses) {
        this.internalProxies = pattern(addresses);
    }

    /** A regular expression matching exactly the listed addresses (an empty one matches nothing: no proxy trusted). */
    static String pattern(String addresses) {
        List<String> listed = Arrays.stream(addresses.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .map(TrustedProxies::literalAddress).toList();
        return listed.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    /** The address as Tomcat names a peer (IPv6 in full, uncompressed form); a host name is refused at start. */
    private static String literalAddress(String address) {
        if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("portal.trusted-proxies lists IP addresses, not \"" + address + "\"");
        }
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("portal.trusted-proxies: \"" + address + "\" is no IP address", e);
        }
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (factory instanceof TomcatWebServerFactory tomcat) {
            tomcat.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                    .forEach(valve -> {
                        valve.setInternalProxies(internalProxies);
                        valve.setTrustedProxies(null);
                    });
        }
    }

    /** After Spring Boot's own customizer, which adds the valve with Tomcat's default (order 0). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
