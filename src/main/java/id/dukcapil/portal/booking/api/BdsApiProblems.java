package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.booking.BookingRefused;
import id.dukcapil.portal.booking.RefusalCode;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * RFC 9457 problem details for every refusal of the API: the HTTP status, a stable {@code code} for the app's
 * logic, and {@code detail} in the language of the request's Accept-Language (Indonesian unless English is
 * preferred).
 */
@RestControllerAdvice(assignableTypes = BdsApiController.class)
class BdsApiProblems {

    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("id"), Locale.ENGLISH);

    private final MessageSource messages;

    BdsApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BookingRefused.class)
    ResponseEntity<ProblemDetail> refused(BookingRefused refused, HttpServletRequest request) {
        return answer(refused.code().httpStatus(), refused.code().name(), text(refused, request), request);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> violation(RuleViolation violation, HttpServletRequest request) {
        return answer(422, "RULE_VIOLATION", text(violation, request), request);
    }

    @ExceptionHandler({MethodArgumentNotValidException.class, HttpMessageNotReadableException.class,
            MissingRequestHeaderException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> invalid(Exception invalid, HttpServletRequest request) {
        return answer(400, RefusalCode.INVALID_REQUEST.name(),
                messages.getMessage(RefusalCode.INVALID_REQUEST.messageKey(), null, locale(request)), request);
    }

    /** No connection or lock in time under a burst: the app retries with the same Idempotency-Key. */
    @ExceptionHandler({org.springframework.dao.TransientDataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> busy(Exception busy, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = answer(503, "BUSY",
                messages.getMessage("booking.api.busy", null, locale(request)), request);
        return ResponseEntity.status(503).headers(answer.getHeaders()).header("Retry-After", "1").body(answer.getBody());
    }

    /** Anything else is the portal's fault: a problem, not the staff error page behind a sign-in redirect. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception failure, HttpServletRequest request) {
        org.slf4j.LoggerFactory.getLogger(BdsApiProblems.class).error("API request {} failed", request.getRequestURI(), failure);
        return answer(500, "INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied, HttpServletRequest request) {
        return answer(403, "FORBIDDEN", HttpStatus.FORBIDDEN.getReasonPhrase(), request);
    }

    /** For the security chain's 401 and 403, written before any controller runs. */
    void write(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        String detail = status == 401 ? messages.getMessage("booking.api.unauthorized", null, locale(request))
                : HttpStatus.FORBIDDEN.getReasonPhrase();
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + HttpStatus.valueOf(status).getReasonPhrase()
                + "\",\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail.replace("\"", "'")
                + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
    }

    private ResponseEntity<ProblemDetail> answer(int status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create("https://dukcapil.bandungkab.go.id/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).header("Content-Language", locale(request).getLanguage()).body(problem);
    }

    private String text(RuleViolation violation, HttpServletRequest request) {
        Locale locale = locale(request);
        return violation.messageKeys().stream()
                .map(key -> messages.getMessage(key, violation.args(), key, locale))
                .collect(Collectors.joining(" "));
    }

    static Locale locale(HttpServletRequest request) {
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
}
