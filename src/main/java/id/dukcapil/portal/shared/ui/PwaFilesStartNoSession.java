package id.dukcapil.portal.shared.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The app's icons, manifest, service worker and offline page (Vaadin's {@code @PWA}) never start a session. The
 * browser fetches them beside the pages, and one sent with the session cookie of just before the sign-in (whose id
 * the sign-in then changes) was answered by Vaadin with a new session and its cookie: when that answer came after
 * the sign-in's, it replaced the signed-in session and the clerk's next page was the sign-in again (1 sign-in in 40
 * with many pages open, seen in Tomcat's access log: {@code GET /icons/icon-16x16.png} with the old cookie, answered
 * with a new one). Such a request now uses the session it names when that session exists, and otherwise none:
 * Vaadin answers it as for an expired session, and the browser keeps the cookie it has.
 */
@Configuration(proxyBeanMethods = false)
class PwaFilesStartNoSession {

    /** The files Vaadin's PWA support serves besides the pages, as the browser asks for them. */
    static final String[] FILES = {"/icons/*", "/manifest.webmanifest", "/sw.js", "/sw-runtime-resources-precache.js",
            "/offline-stub.html", "/offline.html"};

    @Bean
    static FilterRegistrationBean<OncePerRequestFilter> pwaFilesStartNoSessionFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                chain.doFilter(new ExistingSessionOnly(request), response);
            }
        });
        registration.addUrlPatterns(FILES);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static final class ExistingSessionOnly extends HttpServletRequestWrapper {

        ExistingSessionOnly(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable HttpSession getSession(boolean create) {
            return super.getSession(false);
        }

        @Override
        public @Nullable HttpSession getSession() {
            return super.getSession(false);
        }
    }
}
