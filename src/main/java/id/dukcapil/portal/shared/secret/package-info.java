/** Keys kept outside the database: configured, or made at first start in a file only the portal's user reads. */
@NamedInterface("secret")
@NullMarked
package id.dukcapil.portal.shared.secret;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
