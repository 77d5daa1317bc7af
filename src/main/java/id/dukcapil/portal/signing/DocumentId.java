package id.dukcapil.portal.signing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A document of the signing queue, as other modules hold it: not a bare {@code long} that could be any row's id.
 * Serialized as the number (the events of the publication registry keep it so).
 */
public record DocumentId(long value) {

    @JsonCreator
    public static DocumentId of(long value) {
        return new DocumentId(value);
    }

    @Override
    @JsonValue
    public long value() {
        return value;
    }
}
