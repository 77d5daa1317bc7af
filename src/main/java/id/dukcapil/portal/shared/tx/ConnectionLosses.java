package id.dukcapil.portal.shared.tx;

/**
 * Told when a unit of work lost its connection (killed from another session, cut by a load balancer, a Galera node
 * that left the cluster): whatever ended it likely ended the pool's idle connections too, which the pool would
 * otherwise hand out again unchecked (decision 186). Implemented by the database gate in front of the pool, found
 * through JDBC's unwrapping of the portal's {@code DataSource}.
 */
public interface ConnectionLosses {

    void connectionLost();
}
