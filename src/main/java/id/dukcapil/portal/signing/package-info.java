/**
 * TTE: the Kepala Dinas's signing queue, PAdES signatures behind the {@link id.dukcapil.portal.signing.DocumentSigner}
 * port (the office's own key, or BSrE's signing service), the signing certificates and the public verification
 * of signed documents.
 */
@ApplicationModule(allowedDependencies = {"audit", "outside", "shared :: *"})
@NullMarked
package id.dukcapil.portal.signing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
