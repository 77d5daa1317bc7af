/**
 * What every JdbcClient store shares: instants kept as UTC wall-clock time
 * ({@link id.dukcapil.portal.shared.jdbc.UtcColumns}) and pages read without counting
 * ({@link id.dukcapil.portal.shared.jdbc.Slices}).
 */
@NamedInterface("jdbc")
@NullMarked
package id.dukcapil.portal.shared.jdbc;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
