/**
 * Staff accounts, their roles and service points (Dinas, MPP, the UKL of each kecamatan); sign-in with
 * lockout, password rules and changes, and the administration of accounts.
 */
@ApplicationModule(allowedDependencies = {"audit", "notification", "shared :: *"})
@NullMarked
package id.dukcapil.portal.staff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
