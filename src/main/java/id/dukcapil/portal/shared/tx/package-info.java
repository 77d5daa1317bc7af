/**
 * Units of work that are whole or not at all (decision 117): every write path's outermost transaction is tried again
 * on a failure after which the database has rolled it back (a deadlock, a lock wait too long, a Galera certification
 * failure, a node not ready, a connection lost before the commit), a bounded number of times with jitter, and
 * refused honestly after the last try; a commit whose outcome is unknown is never tried again blindly.
 */
@NamedInterface("tx")
@NullMarked
package id.dukcapil.portal.shared.tx;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
