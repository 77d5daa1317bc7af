/**
 * SOP D step 5's fields, what the birth certificate says and why, for the Dinas's field screen and the outpost's
 * alike (issue 53).
 */
@NamedInterface("certificate")
@NullMarked
package id.dukcapil.portal.schoolvisit.ui.certificate;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
