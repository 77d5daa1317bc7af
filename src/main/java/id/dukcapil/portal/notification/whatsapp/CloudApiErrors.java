package id.dukcapil.portal.notification.whatsapp;

import id.dukcapil.portal.notification.internal.DeliveryFailure.Verdict;
import java.util.Set;

/**
 * What a Cloud API error answer means for the message. Any documented error answer means the message was not
 * accepted (an accepted one has an id): never UNCERTAIN. "Not now" is tried again on WhatsApp; anything about the
 * recipient, the template or this office's account passes the message to its next channel at once, since trying
 * again would fail the same way while the citizen waits.
 */
final class CloudApiErrors {

    /** Throttling (app, account, throughput, pair rate limit) and Meta's own temporary failures. */
    private static final Set<Integer> NOT_NOW = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004);

    private CloudApiErrors() {
    }

    static Verdict classify(int httpStatus, int code) {
        if (NOT_NOW.contains(code)) {
            return Verdict.RETRY;
        }
        if (code > 0 || httpStatus < 500) {
            return Verdict.FAILED;
        }
        return Verdict.RETRY; // a 5xx without a documented code: nothing was accepted, try again later
    }
}
