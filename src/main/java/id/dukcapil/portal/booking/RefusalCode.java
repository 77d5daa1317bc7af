package id.dukcapil.portal.booking;

import id.dukcapil.portal.shared.ProblemCode;

/**
 * The stable codes of booking refusals, as the API contract names them, with the HTTP status each is answered
 * with. Screens show the same refusal by its translation key {@code booking.refused.<CODE>}.
 */
public enum RefusalCode implements ProblemCode {
    QUOTA_FULL(409),
    DAY_CLOSED(409),
    ACTIVE_BOOKING_EXISTS(409),
    INVALID_NIK(422),
    INVALID_KK_NUMBER(422),
    /** A staff lookup's: the NIK is not in the register. */
    NIK_NOT_FOUND(404),
    /** A citizen's: the NIK and the KK number do not name one person of the register (not found or not matching alike). */
    PERSON_NOT_CONFIRMED(422),
    /** A citizen's account has booked for as many different people as a family has. */
    PEOPLE_LIMIT_REACHED(409),
    BOOKING_THROTTLED(429),
    NOT_PRINT_READY(409),
    UNKNOWN_SERVICE_POINT(404),
    BOOKING_NOT_FOUND(404),
    TOO_LATE_TO_CHANGE(409),
    NOT_OPEN(409),
    IDEMPOTENCY_KEY_REUSED(422),
    INVALID_REQUEST(400),
    ACCOUNT_INVALID(422),
    /** Not six digits: a typing slip, refused before any try is spent. */
    OTP_MALFORMED(400),
    OTP_INVALID(422),
    OTP_THROTTLED(429),
    SIGN_IN_FAILED(401),
    SIGN_IN_THROTTLED(429),
    /**
     * WhatsApp or SMS chosen while the account's phone has not been proved by a code sent to it (decision 182): the
     * portal's messages stay on e-mail.
     */
    PHONE_NOT_PROVED(409),
    /** A phone code cannot be sent: this office sends no SMS. */
    PHONE_PROOF_UNAVAILABLE(409),
    /** The phone code is not six digits: a typing slip, no try spent. */
    PHONE_CODE_MALFORMED(400),
    /** The phone code is wrong, expired, replaced or tried too often. */
    PHONE_CODE_INVALID(422),
    /** Too many phone codes asked for (per account, per phone, per client address) or tried; with Retry-After. */
    PHONE_CODE_THROTTLED(429),
    /** Too many reschedules or cancellations (per account, per phone, per client address); with Retry-After. */
    CHANGE_THROTTLED(429),
    WRONG_DAY(409),
    WRONG_SERVICE_POINT(409),
    NO_STOCK(409);

    private final int httpStatus;

    RefusalCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String messageKey() {
        return "booking.refused." + name();
    }
}
