package id.dukcapil.portal.kkprint.api;

import id.dukcapil.portal.kkprint.ApiClient;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An API request authenticated by its client's key; its one authority is the client kind's role. */
public final class ApiClientAuthentication extends AbstractAuthenticationToken {

    private final ApiClient client;

    public ApiClientAuthentication(ApiClient client) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + client.kind().role())));
        this.client = client;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiClient getPrincipal() {
        return client;
    }

    @Override
    public String getName() {
        return (client.kind() == ApiClient.Kind.GATEWAY ? "ikd-gateway:" : "kiosk:") + client.id();
    }
}
