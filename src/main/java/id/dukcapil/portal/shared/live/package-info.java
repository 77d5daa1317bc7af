/**
 * What changed in the office, on any node, as the screens that show it need to know (decision 139): the audit
 * chain's new entries, read once per node and handed to the views that asked for them.
 */
@NamedInterface("live")
@NullMarked
package id.dukcapil.portal.shared.live;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
