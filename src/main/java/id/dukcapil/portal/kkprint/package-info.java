/**
 * SOP B, the family-card (KK) print request: intake from the IKD app, the operator's check, the JFM verification
 * inbox, the signature, delivery of a QR code and PIN, and release at an ADM kiosk.
 */
@ApplicationModule(allowedDependencies = {"audit", "notification", "population", "shared :: *", "signing", "sla", "staff"})
@NullMarked
package id.dukcapil.portal.kkprint;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
