/**
 * Keys kept outside the database: configured, or, on a node alone on its embedded database, made at first start in a
 * file only the portal's user reads; and the rule that tells the two cases apart ({@link
 * id.dukcapil.portal.shared.secret.NodeScope}).
 */
@NamedInterface("secret")
@NullMarked
package id.dukcapil.portal.shared.secret;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
