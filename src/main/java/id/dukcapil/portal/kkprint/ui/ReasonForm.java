package id.dukcapil.portal.kkprint.ui;

import id.dukcapil.portal.kkprint.KkRequests;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A reason typed at a desk (a revocation), as the form binds it: the rule of {@link KkRequests#reason} (1 to 500
 * characters once trimmed) said at the field before the request is touched; the service checks it again.
 */
public record ReasonForm(
        @NotBlank(message = "{kkprint.reason.blank}")
        @Size(max = KkRequests.REASON_MAX_LENGTH, message = "{kkprint.reason.too-long}") String reason) {

    static ReasonForm empty() {
        return new ReasonForm("");
    }
}
