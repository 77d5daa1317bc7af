package id.dukcapil.portal.kkprint.internal;

import org.jspecify.annotations.Nullable;

/**
 * What the signing batch reads of a request to render its card ({@link KkRequestRepository#cardSource}): its family
 * card, and the family as the verifier approved it (null for requests verified before it was kept).
 */
public record KkCardSource(String kkNumber, @Nullable String familyAtVerification) {
}
