/**
 * The outside systems the portal's work waits on (SIAK, BSrE, the mail server, the WhatsApp and SMS gateways): each
 * one's state for the whole cluster (up, away since when and why, or not yet contacted) with its last successful
 * contact, as the code that talks to it reports; a meter per system, and a banner in the staff shell for the users
 * whose work waits on one that is away (issue 53, decision 198).
 */
@ApplicationModule(allowedDependencies = {"audit", "shared :: *"})
@NullMarked
package id.dukcapil.portal.outside;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
