package id.dukcapil.portal.shared.secret;

import org.springframework.core.env.Environment;

/**
 * Whether this node is its database's only node. With the embedded MariaDB it is: the server listens on loopback for
 * this JVM alone, so what every node must agree on (a key, the audit anchors) may be made and kept in this node's own
 * data folder. With an external database other nodes may share the database at any time, so such things must come
 * from the configuration, the same on every node, and a node never makes one of its own.
 *
 * @param aloneOnItsDatabase true with the embedded database
 */
public record NodeScope(boolean aloneOnItsDatabase) {

    /** Set to {@code true} by the embedded database's start while the portal runs on it. */
    public static final String EMBEDDED_DATABASE_ACTIVE = "portal.embedded-db.active";

    public static final NodeScope EMBEDDED_DATABASE = new NodeScope(true);
    public static final NodeScope EXTERNAL_DATABASE = new NodeScope(false);

    public static NodeScope of(Environment environment) {
        return environment.getProperty(EMBEDDED_DATABASE_ACTIVE, Boolean.class, false) ? EMBEDDED_DATABASE
                : EXTERNAL_DATABASE;
    }
}
