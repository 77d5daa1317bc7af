package id.dukcapil.portal.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One look at one resident's or family's data, as read back: who, where, on which screen, when and from which
 * address.
 *
 * @param screen        the screen's route ({@code residents}) or the download's name ({@code signing/kk-pdf})
 * @param clientAddress the client's address as a trusted proxy names it; empty outside a request
 */
public record PersonalDataAccess(long id, Instant at, Kind kind, String staffId, @Nullable String staffName,
                                 @Nullable String servicePoint, String screen, PersonalData subject,
                                 @Nullable String clientAddress) {

    /** Seen on a screen, or taken away in a file. */
    public enum Kind { VIEW, DOWNLOAD }
}
