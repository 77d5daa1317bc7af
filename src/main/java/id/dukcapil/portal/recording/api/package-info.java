/** The display board's public JSON feed for other display hardware. */
@NullMarked
package id.dukcapil.portal.recording.api;

import org.jspecify.annotations.NullMarked;
