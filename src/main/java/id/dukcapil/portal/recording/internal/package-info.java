/** The recording module's store: visits and the gapless queue numbers. */
@NullMarked
package id.dukcapil.portal.recording.internal;

import org.jspecify.annotations.NullMarked;
