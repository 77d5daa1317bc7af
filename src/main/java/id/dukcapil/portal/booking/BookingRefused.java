package id.dukcapil.portal.booking;

import id.dukcapil.portal.shared.CodedRefusal;
import java.time.Duration;
import java.util.List;

/** A booking rule refused the request; carries the API's stable code besides the translation keys. */
public class BookingRefused extends CodedRefusal {

    public BookingRefused(RefusalCode code, Object... args) {
        super(code, args);
    }

    /** With more specific keys after the code's own (every broken password rule, the population's reason). */
    public BookingRefused(RefusalCode code, List<String> detailKeys, Object... args) {
        super(code, detailKeys, args);
    }

    @Override
    public BookingRefused retryingAfter(Duration wait) {
        super.retryingAfter(wait);
        return this;
    }

    @Override
    public RefusalCode code() {
        return (RefusalCode) super.code();
    }
}
