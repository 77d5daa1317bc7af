/**
 * The embedded MariaDB that runs when no external database is configured.
 */
@NullMarked
package id.dukcapil.portal.shared.internal.db;

import org.jspecify.annotations.NullMarked;
