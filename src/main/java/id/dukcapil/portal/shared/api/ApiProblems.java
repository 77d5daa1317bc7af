package id.dukcapil.portal.shared.api;

import id.dukcapil.portal.shared.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Every API refusal or failure as an RFC 9457 problem (decision 044): a stable {@code code}, a {@code type} naming
 * it, the request's path as {@code instance}, and a {@code detail} translated into the request's language —
 * Indonesian unless {@code Accept-Language} prefers English. The controllers' advisers answer with
 * {@link #answer}; the security chains, which run before any controller, with {@link #write}.
 */
@Component
public class ApiProblems {

    public static final String TYPE_BASE = "https://dukcapil.bandungkab.go.id/problems/";
    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("id"), Locale.ENGLISH);

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    public ResponseEntity<ProblemDetail> answer(HttpServletRequest request, HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Content-Language", locale(request).getLanguage()).body(problem(request, status, code, detail));
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        String path = request.getRequestURI();
        try {
            problem.setInstance(path == null ? null : URI.create(path));
        } catch (IllegalArgumentException malformed) {
            // A path Tomcat refused as malformed (its error report): the problem names no instance.
        }
        problem.setProperty("code", code);
        return problem;
    }

    /** The same problem, written straight to the response (a security chain's 401 or 403). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                      String detailKey) throws IOException {
        write(request, response, problem(request, status, code, text(request, detailKey)));
    }

    /** A rule's refusal written straight to the response, its messages the detail ({@link CodedRefusals}). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                      RuleViolation violation) throws IOException {
        write(request, response, problem(request, status, code, text(request, violation)));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        byte[] json = ProblemJsonConverter.json(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Content-Language", locale(request).getLanguage());
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** The problem document's JSON, for a writer outside Spring MVC (a filter, Tomcat's error report). */
    String body(HttpServletRequest request, HttpStatus status, String code, String detailKey) {
        return ProblemJsonConverter.json(problem(request, status, code, text(request, detailKey)));
    }

    /** The database cannot be reached (issue 12): a 503 the apps retry, at once rather than after 30 s. */
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

    /** The answer while the database is away, with the seconds after which to try again. */
    public ResponseEntity<ProblemDetail> unavailable(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = answer(request, HttpStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE,
                text(request, "api.service-unavailable"));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).header("Retry-After", "5")
                .body(answer.getBody());
    }

    /** The database was there but the work was not done (decision 117): {@code BUSY}, to be tried again at once. */
    public ResponseEntity<ProblemDetail> busy(HttpServletRequest request, String detailKey) {
        ResponseEntity<ProblemDetail> answer = answer(request, HttpStatus.SERVICE_UNAVAILABLE, "BUSY",
                text(request, detailKey));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).header("Retry-After", "1")
                .body(answer.getBody());
    }

    /** The same, written straight to the response (a failure in a filter, before any controller). */
    public void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE, "api.service-unavailable");
    }

    /** A busy database's answer written straight to the response (a read rolled back in a filter): try again. */
    public void writeBusy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "api.busy");
    }

    /**
     * Whether a failure means no connection to the database: none to be had from the pool in time, none opened,
     * or one lost. Such a request is answered with {@link #unavailable}, not as the portal's own fault.
     */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** The violation's messages, each key translated, in the request's language. */
    public String text(HttpServletRequest request, RuleViolation violation) {
        Locale locale = locale(request);
        return violation.messageKeys().stream()
                .map(key -> messages.getMessage(key, violation.args(), key, locale))
                .collect(Collectors.joining(" "));
    }

    public String text(HttpServletRequest request, String key, Object... args) {
        return messages.getMessage(key, args, key, locale(request));
    }

    /**
     * A request to one of the APIs (/api/**), whose answers, failures included, are JSON documents: in any spelling of
     * its first segment, {@code /API/…} or {@code /api;x=y/…} too (issue 52, item 11), so that no such path is answered
     * with a page or sent to the staff sign-in.
     */
    static boolean isApiRequest(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path == null || !path.regionMatches(true, 0, "/api", 0, 4)) {
            return false;
        }
        return path.length() == 4 || path.charAt(4) == '/' || path.charAt(4) == ';';
    }

    public static Locale locale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return LANGUAGES.getFirst();
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
            return match == null ? LANGUAGES.getFirst() : match;
        } catch (IllegalArgumentException malformed) {
            return LANGUAGES.getFirst();
        }
    }

    private static URI type(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
