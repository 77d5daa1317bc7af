package id.dukcapil.portal.ikd;

import id.dukcapil.portal.shared.CodedRefusal;
import id.dukcapil.portal.shared.ProblemCode;

/** A refusal the IKD app receives with a stable code (and the HTTP status it maps to). */
public class IkdRefusal extends CodedRefusal {

    public enum Code implements ProblemCode {
        INVALID_NIK(422), INVALID_KK_NUMBER(422), INVALID_EMAIL(422), INVALID_PHONE(422), UNKNOWN_SERVICE_POINT(404),
        /** No such NIK, or a NIK the KK number does not list: one answer, so that it tells neither (decision 130). */
        PERSON_NOT_CONFIRMED(422), REGISTRATION_THROTTLED(429), NO_PRINTED_CARD(409), ALREADY_ACTIVATED(409),
        REGISTRATION_OPEN(409), REGISTRATION_NOT_FOUND(404),
        WRONG_STATE(409), FACE_CHECK_EXHAUSTED(409), QR_INVALID(403), QR_EXPIRED(410), MALFORMED_PIN(422),
        WRONG_PIN(403), PIN_LOCKED(423), PIN_EXPIRED(410),
        FACE_SCORE_CONTRADICTS_PASS(422);

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
            return "ikd.refusal." + name();
        }
    }

    public IkdRefusal(Code code, Object... args) {
        super(code, args);
    }

    /** With the words after the code's own: what was refused, and where the registration stands. */
    public IkdRefusal(Code code, java.util.List<String> detailKeys, Object... args) {
        super(code, detailKeys, args);
    }

    @Override
    public Code code() {
        return (Code) super.code();
    }
}
