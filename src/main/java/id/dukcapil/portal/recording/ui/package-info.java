/** The registration and recording desks, the display board and the proof's public page. */
@NullMarked
package id.dukcapil.portal.recording.ui;

import org.jspecify.annotations.NullMarked;
