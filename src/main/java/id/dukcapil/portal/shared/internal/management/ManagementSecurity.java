package id.dukcapil.portal.shared.internal.management;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The management port's own filter chain (decision 178). Boot serves the actuator there from a child context and
 * puts the portal's filter chains in front of it; this one, first in order, takes every request that arrived on that
 * port and no other, so the staff's sign-in, sessions and the public port's rules never see a scrape, and the scraper's
 * account opens nothing on the public port. Health stays open there as on the public port (status only); everything
 * else needs the scraper's account.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScraperProperties.class)
class ManagementSecurity {

    static final String SCRAPER = "METRICS_SCRAPER";

    @Bean
    @Order(1)
    SecurityFilterChain managementPortSecurity(HttpSecurity http, ScraperProperties scraper, PasswordEncoder encoder) {
        http.securityMatcher(onManagementServer())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authenticationManager(new ProviderManager(scraperAccount(scraper, encoder)))
                .httpBasic(basic -> basic.realmName("portal-management"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(SCRAPER));
        return http.build();
    }

    private static DaoAuthenticationProvider scraperAccount(ScraperProperties scraper, PasswordEncoder encoder) {
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager();
        if (!scraper.password().isEmpty()) {
            String password = scraper.password().startsWith("{") ? scraper.password()
                    : encoder.encode(scraper.password());
            UserDetails account = User.withUsername(scraper.username()).password(password).roles(SCRAPER).build();
            accounts.createUser(account);
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    /** A request served by the management server's own context, which Boot names "management". */
    static RequestMatcher onManagementServer() {
        return request -> {
            WebApplicationContext context = WebApplicationContextUtils
                    .getWebApplicationContext(request.getServletContext());
            return context != null && WebServerApplicationContext.hasServerNamespace(context, "management");
        };
    }
}
