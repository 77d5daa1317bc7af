package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.shared.CodedRefusal;
import id.dukcapil.portal.shared.ProblemCode;

/** A refusal the citizen apps and kiosks receive with a stable code (and the HTTP status it maps to). */
public class KkPrintRefusal extends CodedRefusal {

    public enum Code implements ProblemCode {
        INVALID_NIK(422), INVALID_KK_NUMBER(422), INVALID_REASON(422), INVALID_DESCRIPTION(422), EMAIL_REQUIRED(422), INVALID_PHONE(422), INVALID_CHANNEL(422),
        PERSON_NOT_CONFIRMED(422), INTAKE_THROTTLED(429),
        NOT_IN_FAMILY(422), RELATIONSHIP_NOT_ALLOWED(403), OPEN_REQUEST_EXISTS(409), REQUEST_NOT_FOUND(404),
        RELEASE_NOT_FOUND(404), MALFORMED_PIN(422), WRONG_PIN(403), RELEASE_LOCKED(423), ALREADY_RELEASED(409), EXPIRED(410),
        REVOKED(410), REPLACED(410);

        private final int httpStatus;

        Code(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        @Override
        public int httpStatus() {
            return httpStatus;
        }

        @Override
        public String messageKey() {
            return "kkprint.refusal." + name();
        }
    }

    public KkPrintRefusal(Code code, Object... args) {
        super(code, args);
    }

    @Override
    public Code code() {
        return (Code) super.code();
    }
}
