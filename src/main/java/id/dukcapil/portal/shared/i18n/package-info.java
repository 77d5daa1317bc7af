/**
 * Translations: every user-facing text comes from the bundles under {@code i18n/}.
 */
@NamedInterface("i18n")
@NullMarked
package id.dukcapil.portal.shared.i18n;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
