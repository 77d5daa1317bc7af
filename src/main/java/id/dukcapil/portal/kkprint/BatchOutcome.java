package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.shared.Finding;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What became of one request of a batch verification: verified, or the reason it was not. */
public record BatchOutcome(String trackingNumber, @Nullable Finding refusal) {

    public boolean verified() {
        return refusal == null;
    }

    public Optional<Finding> refusalReason() {
        return Optional.ofNullable(refusal);
    }
}
