/**
 * Rate limits for what strangers can make the portal do (sign-in tries, one-time codes, e-mails, bookings):
 * {@link id.dukcapil.portal.shared.throttle.Throttles} hands out a named
 * {@link id.dukcapil.portal.shared.throttle.Throttle}, which counts events per key (an account, an e-mail address,
 * a client address): in the database, one count for every node, where the limit guards a secret; in Bucket4j token
 * buckets in this node's memory where it need not (decision 122).
 */
@NamedInterface("throttle")
@NullMarked
package id.dukcapil.portal.shared.throttle;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
