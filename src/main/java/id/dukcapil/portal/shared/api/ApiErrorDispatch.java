package id.dukcapil.portal.shared.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The container's error dispatch of an API request answered as a problem document (issue 41). Whatever ends an
 * {@code /api/**} request with {@code sendError} or an exception — Tomcat refusing TRACE, Spring MVC refusing a body
 * it cannot read, a failure no adviser knew — is forwarded by the container to {@code /error}; that path belongs to
 * no API chain, so the staff chain answered it with a redirect to the sign-in page. Here the error dispatch of an
 * API request is answered before any security chain or error controller sees it: a problem with the status the
 * request ended with, never a redirect, never an HTML page.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorDispatch {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorDispatch.class);

    /** Ahead of Spring Security's filters (order -100), on error dispatches only. */
    @Bean
    static FilterRegistrationBean<OncePerRequestFilter> apiErrorDispatchFilter(ApiProblems problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter(problems));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    static OncePerRequestFilter filter(ApiProblems problems) {
        return new OncePerRequestFilter() {

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return request.getDispatcherType() != DispatcherType.ERROR || originalPath(request) == null;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (response.isCommitted()) {
                    return;
                }
                HttpStatus status = status(request);
                if (status.is5xxServerError()) {
                    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
                    log.error("API request {} failed", originalPath(request),
                            failure instanceof Throwable cause ? cause : null);
                }
                response.resetBuffer();
                problems.write(new OriginalPath(request), response, status, code(status), detailKey(status));
            }
        };
    }

    /** The API path the request was for, or null when it was for no API. */
    static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path && path.startsWith("/api/") ? path : null;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static String code(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "INVALID_REQUEST";
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case INTERNAL_SERVER_ERROR -> "INTERNAL_ERROR";
            default -> status.name();
        };
    }

    static String detailKey(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "shared.api.unauthorized";
            case FORBIDDEN -> "api.forbidden";
            case NOT_FOUND -> "shared.api.not-found";
            case METHOD_NOT_ALLOWED -> "shared.api.method";
            case UNSUPPORTED_MEDIA_TYPE -> "shared.api.media-type";
            case NOT_ACCEPTABLE -> "shared.api.not-acceptable";
            case CONTENT_TOO_LARGE -> "shared.api.too-large";
            case SERVICE_UNAVAILABLE -> "api.service-unavailable";
            default -> status.is5xxServerError() ? "shared.api.failed" : "shared.api.malformed";
        };
    }

    /** The request as the API saw it: the problem's instance is the API path, not {@code /error}. */
    private static final class OriginalPath extends HttpServletRequestWrapper {

        private final String path;

        OriginalPath(HttpServletRequest request) {
            super(request);
            this.path = originalPath(request);
        }

        @Override
        public String getRequestURI() {
            return path;
        }
    }
}
