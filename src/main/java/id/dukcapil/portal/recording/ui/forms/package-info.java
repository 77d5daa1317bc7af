/**
 * The registration desk's forms (SOP C step 2: the number looked up, the document check, the biometric check), bound
 * to their records' constraints: for the Dinas's desk and the kecamatan's outpost alike (issue 53, decision 200).
 */
@NamedInterface("desk-forms")
@NullMarked
package id.dukcapil.portal.recording.ui.forms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
