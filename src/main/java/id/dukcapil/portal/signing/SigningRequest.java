package id.dukcapil.portal.signing;

import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.sla.CaseRef;

/**
 * A verified request for the Kepala Dinas's signature on a family card. {@code sourceId} is also the SOP B case
 * whose step 8 the queue times.
 *
 * @param sourceType who asks, e.g. {@code KK_PRINT_REQUEST}
 * @param sourceId   the asking module's id of the case
 */
public record SigningRequest(String sourceType, String sourceId, KkNumber kkNumber) {

    public static final int SOURCE_TYPE_MAX_LENGTH = 30;

    public SigningRequest {
        if (sourceType.isBlank() || sourceType.length() > SOURCE_TYPE_MAX_LENGTH) {
            throw new IllegalArgumentException("A source type has 1 to 30 characters: " + sourceType);
        }
        if (sourceId.isBlank() || sourceId.length() > CaseRef.CASE_ID_MAX_LENGTH) {
            throw new IllegalArgumentException("A source id has 1 to 60 characters: " + sourceId);
        }
    }
}
