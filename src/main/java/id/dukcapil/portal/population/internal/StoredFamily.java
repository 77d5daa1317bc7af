package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.Address;
import org.jspecify.annotations.Nullable;

/**
 * A family as the register holds it, read before an import writes it.
 *
 * @param seenImport  the last import that listed it
 * @param fingerprint the hash of the rows it was last loaded from (decision 107); null once a member left it
 */
record StoredFamily(long id, Address address, @Nullable Long seenImport, @Nullable String fingerprint) {
}
