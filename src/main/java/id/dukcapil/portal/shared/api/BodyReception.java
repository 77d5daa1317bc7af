package id.dukcapil.portal.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body is received at a pace, and one client address receives only a few at once (decision 179, issue 52
 * item 3). The portal serves with twelve threads (decision 116) and a servlet reads a body blocking: a client that
 * sends one byte every few seconds held a thread for as long as it liked, and fourteen such connections held them
 * all. Here:
 * <ul>
 *   <li>a body must arrive at {@code portal.web.body.min-rate} on average once its {@code portal.web.body.grace}
 *   has passed; a read that finds it slower fails ({@link TooSlow}) and the answer is a 408 problem with the
 *   connection closed. A read waiting for bytes that do not come ends after Tomcat's
 *   {@code server.tomcat.connection-timeout};</li>
 *   <li>one address has at most {@code portal.web.body.per-client} bodies in reception at once; another is refused
 *   429 before anything is read. A small body is read whole here before the request goes on, its place freed as
 *   soon as it has arrived, so ordinary requests (a body in one packet) never meet the limit however many come at
 *   once.</li>
 * </ul>
 * A form (the staff sign-in) is read here at the same pace, not by Tomcat ({@link PacedRequest#readWhole}).
 * Many addresses at once are the front end's to stop: nginx and HAProxy read the whole request before passing it on
 * (docs/operations.md, deploy/cluster/haproxy.cfg).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyReception extends OncePerRequestFilter {

    /**
     * A body of at most this many bytes (an API's JSON, a screen's update, the staff sign-in's form) is read whole
     * here, so that its address's place is freed as soon as it has arrived; a longer one (an upload) is paced as it
     * is read, its place held until its end. A form longer than this is refused.
     */
    static final int WHOLE_BYTES = 64 * 1024;

    private final ApiProblems problems;
    private final long graceNanos;
    private final long bytesPerSecond;
    private final int perClient;
    private final ConcurrentHashMap<String, Integer> receiving = new ConcurrentHashMap<>();

    BodyReception(ApiProblems problems,
                  @Value("${portal.web.body.grace:5s}") Duration grace,
                  @Value("${portal.web.body.min-rate:2KB}") DataSize minRate,
                  @Value("${portal.web.body.per-client:4}") int perClient) {
        this.problems = problems;
        this.graceNanos = grace.toNanos();
        this.bytesPerSecond = minRate.toBytes();
        this.perClient = perClient;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (!enter(client)) {
            response.setHeader("Retry-After", "5");
            response.setHeader("Connection", "close");
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                    "shared.api.bodies-at-once");
            response.flushBuffer();
            return;
        }
        Reception reception = new Reception(client, request.getContentLengthLong());
        try {
            PacedRequest paced = new PacedRequest(request, reception);
            long stated = request.getContentLengthLong();
            if (isForm(request) || stated > 0 && stated <= WHOLE_BYTES) {
                if (!paced.readWhole(WHOLE_BYTES)) {
                    response.setHeader("Connection", "close");
                    problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "CONTENT_TOO_LARGE",
                            "shared.api.too-large");
                    response.flushBuffer();
                    return;
                }
                reception.done();
            }
            chain.doFilter(paced, response);
        } catch (TooSlow | ServletException slow) {
            if (!(slow instanceof TooSlow) && !(slow.getCause() instanceof TooSlow)) {
                throw slow;
            }
            answerTooSlow(request, response);
        } finally {
            reception.done();
        }
    }

    /** The answer to a body that came too slowly, if nothing was answered yet. */
    private void answerTooSlow(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!response.isCommitted()) {
            response.resetBuffer();
            response.setHeader("Connection", "close");
            problems.write(request, response, HttpStatus.REQUEST_TIMEOUT, "REQUEST_TIMEOUT", "shared.api.too-slow");
            response.flushBuffer();
        }
    }

    private boolean enter(String client) {
        AtomicBoolean entered = new AtomicBoolean();
        receiving.compute(client, (address, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perClient) {
                return now;
            }
            entered.set(true);
            return now + 1;
        });
        return entered.get();
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** A body failed its pace: the read that found it so, and every read after. */
    static final class TooSlow extends IOException {

        TooSlow(long bytes, long millis) {
            super("Request body too slow: " + bytes + " bytes in " + millis + " ms");
        }
    }

    /** One body in reception: its start, its bytes so far, and its address's place until it ends. */
    private final class Reception implements PacedRequest.Pace {

        private final String client;
        /** The stated length, or -1 for a chunked body. */
        private final long stated;
        private final long started = System.nanoTime();
        private long bytes;
        private boolean done;

        Reception(String client, long stated) {
            this.client = client;
            this.stated = stated;
        }

        @Override
        public void received(int count) throws IOException {
            if (count < 0) {
                done();
                return;
            }
            bytes += count;
            long elapsed = System.nanoTime() - started;
            if (elapsed > graceNanos + bytes * 1_000_000_000L / bytesPerSecond) {
                done();
                throw new TooSlow(bytes, elapsed / 1_000_000);
            }
            if (bytes == stated) {
                done();
            }
        }

        synchronized void done() {
            if (!done) {
                done = true;
                receiving.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
