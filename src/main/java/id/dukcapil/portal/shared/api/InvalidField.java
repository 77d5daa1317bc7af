package id.dukcapil.portal.shared.api;

import id.dukcapil.portal.shared.RuleViolation;
import org.springframework.http.HttpStatus;

/**
 * One field or header of an API request refused at the edge, before any service sees it: answered as a problem
 * with {@code errors: [{field, code, detail}]} (422 for a body field, 400 for a header).
 */
public class InvalidField extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public InvalidField(HttpStatus status, String field, String messageKey, Object... args) {
        super(field + ": " + messageKey);
        this.status = status;
        this.field = field;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    /** The e-mail in a body field, parsed by {@link id.dukcapil.portal.shared.Email}, or a 422 naming the field. */
    public static String email(String field, String text) {
        try {
            return id.dukcapil.portal.shared.Email.parse(text).value();
        } catch (RuleViolation invalid) {
            throw new InvalidField(HttpStatus.UNPROCESSABLE_CONTENT, field, invalid.messageKeys().getFirst());
        }
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
