/**
 * The append-only, hash-chained activity log every SOP asks for ("Pencatatan ... (Log system)"):
 * who did what to which subject, when, with which outcome. Modules record through {@link AuditLog}.
 */
@ApplicationModule(allowedDependencies = {"shared :: *"})
@NullMarked
package id.dukcapil.portal.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
