package id.dukcapil.portal.ikd;

import id.dukcapil.portal.ikd.IkdRefusal.Code;

/**
 * Why a citizen's activation did not go on, as the daily IKD report counts it: a refused registration, a failed face
 * check, a QR code or PIN that did not work, or the officer's decision after the face checks ran out. NIK_NOT_FOUND
 * is only in the days before a registration needed its KK number (decision 130): it stays to read them.
 */
public enum IkdFailure {
    INVALID_NIK, INVALID_KK_NUMBER, INVALID_EMAIL, INVALID_PHONE, NIK_NOT_FOUND, PERSON_NOT_CONFIRMED, NO_PRINTED_CARD, ALREADY_ACTIVATED, REGISTRATION_OPEN,
    FACE_FAILED, QR_INVALID, QR_EXPIRED, WRONG_PIN, PIN_LOCKED, PIN_EXPIRED, RETRY_LATER, REFERRED, NOT_FINISHED;

    /** The failure a refusal counts as (NOT_FINISHED is no refusal: an activation left unfinished at day's end); refusals of the app's own mistakes (a wrong state, a typing slip) are none. */
    static IkdFailure of(Code code) {
        return valueOf(code.name());
    }

    public String labelKey() {
        return "ikd.failure." + name();
    }
}
