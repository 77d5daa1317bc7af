package id.dukcapil.portal.shared.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The request-shape refusals every API shares (decision 070): a wrong content type or method, an unknown path,
 * a field out of bounds. Ahead of the modules' advisers, which keep their own codes for everything else; these
 * also arrive when no controller was found, where only an adviser for all controllers is asked. A procedure's coded
 * refusal is answered before any adviser, by {@link CodedRefusals}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRequestProblems {

    /** Constraints that only say a value is missing: the request is incomplete (400), not a value refused (422). */
    private static final Set<String> MISSING = Set.of("NotBlank", "NotNull", "NotEmpty");

    private final ApiProblems problems;

    ApiRequestProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                problems.text(request, "shared.api.media-type"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                problems.text(request, "shared.api.not-acceptable"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                problems.text(request, "shared.api.method"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.NOT_FOUND, "NOT_FOUND", problems.text(request, "shared.api.not-found"));
    }

    /** The firewall's verdict on a header, met when a controller reads it (a non-ASCII Idempotency-Key). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                problems.text(request, "shared.input.rejected"));
    }

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> field(InvalidField invalid, HttpServletRequest request) {
        return fields(request, invalid.status(), List.of(error(invalid.field(),
                problems.text(request, invalid.messageKey(), invalid.args()))));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> body(MethodArgumentNotValidException invalid, HttpServletRequest request) {
        boolean onlyMissing = invalid.getFieldErrors().stream().allMatch(error -> MISSING.contains(error.getCode()));
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : invalid.getFieldErrors()) {
            errors.add(error(error.getField(), message(request, error)));
        }
        return fields(request, onlyMissing ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> parameters(HandlerMethodValidationException invalid, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(error(result.getMethodParameter().getParameterName(), message(request, error)))));
        return fields(request, HttpStatus.UNPROCESSABLE_CONTENT, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraints(ConstraintViolationException invalid, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        invalid.getConstraintViolations().forEach(violation -> {
            String path = violation.getPropertyPath().toString();
            errors.add(error(path.substring(path.lastIndexOf('.') + 1), problems.text(request, "shared.input.invalid")));
        });
        return fields(request, HttpStatus.UNPROCESSABLE_CONTENT, errors);
    }

    private ResponseEntity<ProblemDetail> fields(HttpServletRequest request, HttpStatus status, List<Map<String, String>> errors) {
        // The 400 keeps the code the BDS app already switches on for an incomplete request.
        String code = status == HttpStatus.BAD_REQUEST ? "INVALID_REQUEST" : "INVALID_FIELD";
        String detail = errors.size() == 1 ? errors.getFirst().get("detail") : problems.text(request, "shared.api.fields");
        ResponseEntity<ProblemDetail> answer = problems.answer(request, status, code, detail);
        answer.getBody().setProperty("errors", errors);
        return answer;
    }

    private String message(HttpServletRequest request, MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        String constraint = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
        return switch (constraint) {
            case "NotBlank", "NotNull", "NotEmpty" -> problems.text(request, "shared.input.required");
            case "Size" -> problems.text(request, "shared.input.too-long", maximum(error));
            case "SaneDate" -> problems.text(request, "shared.input.date-range");
            default -> problems.text(request, "shared.input.invalid");
        };
    }

    private static Object maximum(MessageSourceResolvable error) {
        // Bean Validation's arguments: the field's name, then the attributes by name (max before min).
        Object[] args = error.getArguments();
        return args != null && args.length > 1 ? args[1] : "";
    }

    private static Map<String, String> error(String field, String detail) {
        return Map.of("field", field, "detail", detail);
    }
}
