package id.dukcapil.portal.shared.api;

/**
 * A larger body cap than {@link ApiBodyFilter}'s for one API path, declared as a bean by the module that owns the
 * path: a peer that sends large batches (Meta's webhook) would otherwise be refused for ever. Still a hard cap, read
 * no further than it.
 *
 * @param path     the request path, exactly
 * @param maxBytes the largest body taken on it
 */
public record ApiBodyLimit(String path, int maxBytes) {
}
