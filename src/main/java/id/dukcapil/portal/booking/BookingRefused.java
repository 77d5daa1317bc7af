package id.dukcapil.portal.booking;

import id.dukcapil.portal.shared.RuleViolation;
import java.util.List;

/** A booking rule refused the request; carries the API's stable code besides the translation keys. */
public class BookingRefused extends RuleViolation {

    private final RefusalCode code;

    public BookingRefused(RefusalCode code, Object... args) {
        super(code.messageKey(), args);
        this.code = code;
    }

    /** With more specific keys after the code's own (every broken password rule, the population's reason). */
    public BookingRefused(RefusalCode code, List<String> detailKeys, Object... args) {
        super(java.util.stream.Stream.concat(java.util.stream.Stream.of(code.messageKey()), detailKeys.stream()).toList(),
                args);
        this.code = code;
    }

    public RefusalCode code() {
        return code;
    }
}
