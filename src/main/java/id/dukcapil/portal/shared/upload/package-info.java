/**
 * Uploads with a hard byte cap: read as a stream, and never past the cap, whether or not the client said how much
 * it sends (issue 12, finding 14; decision 073).
 */
@NamedInterface("upload")
@NullMarked
package id.dukcapil.portal.shared.upload;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
