package id.dukcapil.portal.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API bodies are small JSON documents: any other body on /api/** is a 415 problem (decision 070), and one over
 * {@link #MAX_BODY_BYTES} (or its path's {@link ApiBodyLimit}) a 413 problem, stated or chunked, read no further than that. Without this a form post was
 * bound field by field like JSON, and a chunked body of any size went whole into the JSON parser. A body on a method
 * that takes none (GET, DELETE…) is a 400 problem (decision 130): its meaning is undefined, and a request that says
 * more than the API reads is refused rather than half understood.
 */
@Component
class ApiBodyFilter extends OncePerRequestFilter {

    /** Far above any request of the APIs (a KK request with its description is under 4 KB). */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** The methods whose requests carry no body in any API of the portal. */
    private static final java.util.Set<String> BODILESS = java.util.Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");

    private final ApiProblems problems;
    private final Map<String, Integer> limits = new HashMap<>();

    ApiBodyFilter(ApiProblems problems, List<ApiBodyLimit> limits) {
        this.problems = problems;
        limits.forEach(limit -> this.limits.put(limit.path(), limit.maxBytes()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiProblems.isApiRequest(request) || !hasBody(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (BODILESS.contains(request.getMethod())) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "shared.api.body-not-allowed");
            return;
        }
        if (!json(request.getContentType())) {
            problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "shared.api.media-type");
            return;
        }
        int max = limits.getOrDefault(request.getRequestURI().substring(request.getContextPath().length()),
                MAX_BODY_BYTES);
        long stated = request.getContentLengthLong();
        if (stated > max) {
            tooLarge(request, response);
            return;
        }
        if (stated >= 0) {
            chain.doFilter(request, response); // read whole already, at BodyReception's pace (decision 179)
            return;
        }
        byte[] body = request.getInputStream().readNBytes(max + 1);
        if (body.length > max) {
            tooLarge(request, response); // the rest is not read: the container closes the connection
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "CONTENT_TOO_LARGE", "shared.api.too-large");
        response.flushBuffer(); // sent before Tomcat reads once more and closes (max-swallow-size, decision 179)
    }

    /** A chunked body already read (within the cap), handed on as the request's stream. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BodyInMemory(body);
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || type.getSubtype().endsWith("+json") && "application".equals(type.getType());
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }
}
