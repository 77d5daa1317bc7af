/**
 * The UI shell every view lives in: main layout, navigation, language switch, notifications.
 */
@NamedInterface("ui")
@NullMarked
package id.dukcapil.portal.shared.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
