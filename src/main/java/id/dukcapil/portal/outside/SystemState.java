package id.dukcapil.portal.outside;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the cluster knows of one outside system.
 *
 * @param awaySince   when it was found away, while it is
 * @param lastFailure the failure that found it away, in the words of the code that met it
 * @param lastContact the last successful contact (written at most once a minute, decision 198)
 */
public record SystemState(OutsideSystem system, Status status, @Nullable Instant awaySince,
                          @Nullable String lastFailure, @Nullable Instant lastContact) {

    public enum Status {
        /** Never contacted since the portal was installed (or never configured). */
        NOT_CONTACTED,
        UP,
        AWAY
    }

    public static SystemState notContacted(OutsideSystem system) {
        return new SystemState(system, Status.NOT_CONTACTED, null, null, null);
    }

    public boolean away() {
        return status == Status.AWAY;
    }
}
