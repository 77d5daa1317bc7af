package id.dukcapil.portal.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Tomcat's own RemoteIpValve, as the portal configures it, given requests from a proxy and from anyone else. */
class TrustedProxiesTests {

    @Test
    void with_no_proxy_configured_nobody_names_the_client_address_not_even_a_peer_on_the_office_network() throws Exception {
        RemoteIpValve valve = configured("");
        assertThat(clientAddress(valve, "192.168.1.20", "203.0.113.9")).isEqualTo("192.168.1.20");
        assertThat(clientAddress(valve, "127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
    }

    /**
     * Issue 52 item 10: the demo believed any program on its machine that said it was a proxy, so anyone there could
     * name their own client address and step past every per-address limit. The demo's settings now believe none.
     */
    @Test
    void the_demo_as_the_readme_starts_it_believes_no_proxy_not_even_on_its_own_machine() throws Exception {
        StandardEnvironment demo = new StandardEnvironment();
        demo.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        demo.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        for (String file : List.of("application-demo.yaml", "application.yaml")) {
            yaml.load(file, new ClassPathResource(file)).forEach(demo.getPropertySources()::addLast);
        }
        String trusted = demo.getProperty("portal.trusted-proxies", "");

        assertThat(trusted).isEmpty();
        RemoteIpValve valve = configured(trusted);
        assertThat(clientAddress(valve, "127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
        assertThat(clientAddress(valve, "0:0:0:0:0:0:0:1", "203.0.113.9")).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void a_listed_proxy_names_the_client_and_its_neighbour_does_not() throws Exception {
        RemoteIpValve valve = configured("10.0.0.5, ::1");
        assertThat(clientAddress(valve, "10.0.0.5", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(clientAddress(valve, "0:0:0:0:0:0:0:1", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(clientAddress(valve, "10.0.0.50", "203.0.113.9")).isEqualTo("10.0.0.50");
        assertThat(clientAddress(valve, "10.0.0.6", "203.0.113.9")).isEqualTo("10.0.0.6");
    }

    @Test
    void a_host_name_is_refused_at_start_rather_than_looked_up() {
        assertThatThrownBy(() -> TrustedProxies.pattern("proxy.example"))
                .hasMessageContaining("proxy.example");
    }

    /** The valve Spring Boot adds, after the portal's customizer has run on the factory. */
    private static RemoteIpValve configured(String addresses) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        RemoteIpValve valve = new RemoteIpValve();
        factory.addEngineValves(valve);
        new TrustedProxies(addresses).customize(factory);
        return valve;
    }

    private static String clientAddress(RemoteIpValve valve, String peer, String forwardedFor) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request request, Response response) {
                seen.set(request.getRemoteAddr());
            }
        });
        Request request = new Request(new Connector(), new org.apache.coyote.Request());
        request.setRemoteAddr(peer);
        request.setRemoteHost(peer);
        request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
        valve.invoke(request, new Response(new org.apache.coyote.Response()));
        return seen.get();
    }
}
