package id.dukcapil.portal.kkprint;

import org.jspecify.annotations.Nullable;

/**
 * A request as the IKD app sends it, still unchecked.
 *
 * @param email the IKD account's address; when absent, the registry's address of the requester
 */
public record IntakeForm(String requesterNik, String kkNumber, String reason, @Nullable String description,
                         @Nullable String email) {

    public static final int DESCRIPTION_MAX_LENGTH = 500;
}
