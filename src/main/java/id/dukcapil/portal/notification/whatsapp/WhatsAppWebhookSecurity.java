package id.dukcapil.portal.notification.whatsapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Meta calls the webhook with no session and no CSRF token: its proof is the signature the controller checks (the
 * app secret's HMAC over the body) and, for the handshake, the verify token. Ordered before the staff chain and
 * matching only the webhook's path.
 */
@Configuration(proxyBeanMethods = false)
class WhatsAppWebhookSecurity {

    @Bean
    @Order(12)
    SecurityFilterChain whatsAppWebhookFilterChain(HttpSecurity http) {
        http.securityMatcher(WhatsAppWebhook.PATH)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}
