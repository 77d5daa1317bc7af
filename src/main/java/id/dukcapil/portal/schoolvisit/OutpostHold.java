package id.dukcapil.portal.schoolvisit;

import java.time.Instant;

/**
 * A visit out at an outpost as a Dinas screen says it (issue 53): "taken to the field by {@code name} (outpost
 * {@code outpost}) since {@code since}". While it holds, the Dinas changes nothing of the visit.
 *
 * @param by   the account that checked it out
 * @param name that account's full name, as a screen names people
 */
public record OutpostHold(long visitId, String outpost, String by, String name, Instant since) {
}
