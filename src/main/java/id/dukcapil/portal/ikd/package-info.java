/**
 * SOP E, the IKD activation desk: a citizen registers in the IKD app (through the gateway API), passes the face
 * check, scans the one-time activation QR code on the officer's screen, receives the activation PIN by e-mail and
 * activates the digital ID; the officer archives it. Every step timed (E3–E6) and audited.
 */
@ApplicationModule(allowedDependencies = {"audit", "notification", "population", "reports", "shared :: *", "signing", "sla", "staff"})
@NullMarked
package id.dukcapil.portal.ikd;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
