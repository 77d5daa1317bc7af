/**
 * What every JdbcClient store shares: instants kept as UTC wall-clock time
 * ({@link id.dukcapil.portal.shared.jdbc.UtcColumns}), pages read without counting
 * ({@link id.dukcapil.portal.shared.jdbc.Slices}) in a grid's order ({@link id.dukcapil.portal.shared.jdbc.SqlOrder}),
 * and LIKE patterns of typed text ({@link id.dukcapil.portal.shared.jdbc.LikePattern}).
 */
@NamedInterface("jdbc")
@NullMarked
package id.dukcapil.portal.shared.jdbc;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
